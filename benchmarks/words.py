"""Words for generated articles: news vocabulary with typography and an emoji."""

_PROSE = (
    "the minister said that talks would resume in Cairo next week while officials insisted "
    "on guarantees according to sources close to the negotiations Brüssel Zoë «réforme» 😀"
)
WORDS = _PROSE.split()
