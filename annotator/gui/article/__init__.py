"""The article view: readable prose with every layer of spans painted over it."""
