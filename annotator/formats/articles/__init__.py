"""Readers that turn one file into article drafts: txt, md, html, json/jsonl and csv."""
