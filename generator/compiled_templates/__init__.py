"""The built-in templates compiled ahead (scripts/compile_templates.py); see
sandbox._Builtin. STAMPS: the text and Jinja each was compiled from."""

STAMPS = {
    'back.xml': '29e1243fe1fa093502846b4ffc514101',
    'contents.xml': '790edce1171ff225c89a1378754b52ca',
    'cover.xml': '4e135c3128c5b06d5ede482ab5f50479',
    'credits.xml': '218108faf054a8defe413c5dd13c2cba',
    'exercise.xml': '1dbd2a61be207f2650ca18f7d2a60a5e',
    'macros.xml': 'be4d65ebc04f1c9afcad170b7f47f107',
    'mail.de.txt': '6ed2782f21ac730c2c4dd5dc85f87f89',
    'mail.es.txt': '85d902fa0b571f7209a74adb486e7dbe',
    'mail.fr.txt': 'f4bc9249a1188d42e05560f179836137',
    'mail.txt': '6843fd4028b32fbd3544104c52c8a517',
    'poster_block.xml': '44f192536706598f7e8deeb667e490b9',
    'poster_card.xml': '8c7d56a4b5d283b069257ec4d0fec119',
    'poster_footer.xml': 'ee4749ec51cb698f79885210698c16a9',
    'poster_header.xml': '60d444f9f2ea7770db1d2c9c7bda3e56',
    'poster_trainer.xml': 'cbd9108556e8304f799aa707fc2392c0',
    'section.xml': '1ad689cd03be4d456c367b596a61b54a',
    'tip.xml': '01253be9eadff71459e7b70f2e234daa',
}
