from ann_lib import C
NAME = "104_uk_india_trade.txt"
BOILERPLATE = [
    ("By Priya Raman", "byline"),
    ("Copyright 2025. All rights reserved.", "copyright line"),
]
META = {"title": "Britain and India Close In on Trade Pact After Talks in London", "subtitle": None, "author": "Priya Raman",
        "headings": ["Business groups broadly welcome the pact"]}
G, N, O, P = "GPE", "NORP", "ORG", "PERSON"
UK = "United Kingdom"
IN = ("India", G, "India")
ENTITIES = [
    ("Britain", G, UK), IN, ("London", G, "London"),
    # P1
    ("LONDON", G, "London"), ("Britain", G, UK), IN, ("UK", G, UK), ("Oliver Grant", P, "Oliver Grant"),
    ("Indian", N, "Indian"), ("Rajiv Mehta", P, "Rajiv Mehta"),
    # P2
    ("Grant", P, "Oliver Grant"), ("Lancaster House", "FAC", "Lancaster House"), ("Mehta", P, "Rajiv Mehta"), IN,
    ("New Delhi", G, "New Delhi"), ("Indian", N, "Indian"), ("British", N, "British"),
    # P3
    ("U.K.", G, UK), ("British", N, "British"), ("Scotch Whisky Association", O, "Scotch Whisky Association"),
    ("Indian", N, "Indian"), ("Jaguar Land Rover", O, "Jaguar Land Rover"), IN, ("Tata Motors", O, "Tata Motors"),
    # P4
    ("Sarah Collins", P, "Sarah Collins"), ("United Kingdom", G, UK), ("Indian", N, "Indian"),
    ("Collins", P, "Sarah Collins"), ("Indian", N, "Indian"), ("Arjun Rao", P, "Arjun Rao"),
    ("Downing Street", O, "Downing Street"),
    # P5
    ("Confederation of British Industry", O, "Confederation of British Industry"),
    ("CBI", O, "Confederation of British Industry"), ("CBI", O, "Confederation of British Industry"),
    ("Hannah Lowe", P, "Hannah Lowe"), ("British", N, "British"), ("Indian", N, "Indian"), ("Lowe", P, "Hannah Lowe"),
    ("Britons", N, "British"), ("Mumbai", G, "Mumbai"),
    # P6
    ("Trades Union Congress", O, "Trades Union Congress"), ("Parliament", O, "Parliament"), ("Indian", N, "Indian"),
    ("UK", G, UK),
    # P7
    ("UK", G, UK), ("European Union", O, "European Union"), ("Australia", G, "Australia"), ("New Zealand", G, "New Zealand"),
    ("Grant", P, "Oliver Grant"), IN, ("Brexit", "EVENT", "Brexit"), ("New Delhi", G, "New Delhi"),
]
CLAIMS = [
    C("Britain and India are close to a free trade agreement, the UK's Business and Trade Secretary, Oliver Grant, said on Thursday after two days of talks with his Indian counterpart, Rajiv Mehta.",
      att="indirect", spk="Oliver Grant", cue="said", subj="Britain and India"),
    C('"We are in the final stretch," Grant told reporters at Lancaster House.',
      att="direct", spk="Oliver Grant", cue="told", subj=None),
    C("Mehta, India's Minister of Commerce and Industry, said New Delhi wanted easier visas for Indian professionals in return for lower tariffs on British cars and whisky.",
      att="indirect", spk="Rajiv Mehta", cue="said", subj="New Delhi"),
    C("The U.K. government says the deal could add £4 billion a year to British output.",
      att="indirect", spk="U.K. government", cue="says", subj="deal", hedge=True),
    C("The Scotch Whisky Association said Indian duties of 150% had kept its members out of one of the world's biggest markets.",
      att="indirect", spk="Scotch Whisky Association", cue="said", subj="Indian duties",
      sa=["Scotch Whisky Association's members"]),
    C("Jaguar Land Rover, which is owned by India's Tata Motors, is also expected to gain.",
      subj="Jaguar Land Rover", hedge=True),
    C("Talks began in 2022 under a previous government and stalled twice.", subj="Talks"),
    C("Prime Minister Sarah Collins has made the agreement a priority", subj="Sarah Collins"),
    C("the United Kingdom has offered to cut tariffs on Indian textiles.", subj="United Kingdom"),
    C("Collins and Indian Prime Minister Arjun Rao spoke by phone on Wednesday, according to Downing Street.",
      att="according_to", spk="Downing Street", cue="according to", subj="Collins and Indian Prime Minister Arjun Rao"),
    C("The Confederation of British Industry (CBI) said the deal would help small exporters.",
      att="indirect", spk="Confederation of British Industry", cue="said", subj="deal"),
    C("The CBI's chief economist, Hannah Lowe, said British services firms also wanted access to Indian public contracts.",
      att="indirect", spk="Hannah Lowe", cue="said", subj="British services firms"),
    C("Lowe noted that Britons made up one of the largest groups of foreign investors in Mumbai.",
      att="indirect", spk="Hannah Lowe", cue="noted", subj="British"),
    C("Not everyone is convinced.", subj="everyone", neg=True),
    C("The Trades Union Congress said the agreement must protect workers' rights",
      att="indirect", spk="Trades Union Congress", cue="said", subj="agreement"),
    C("opposition lawmakers asked Parliament to scrutinise it before ratification.", subj="opposition lawmakers"),
    C("Some Indian farmers' unions fear competition from UK dairy products.", subj="Indian farmers' unions"),
    C("The UK left the European Union in 2020 and has since signed deals with Australia and New Zealand.",
      subj="United Kingdom"),
    C('Grant said an agreement with India would be "the biggest since Brexit".',
      att="mixed", spk="Oliver Grant", cue="said", subj="agreement"),
    C("A final round of talks is planned in New Delhi in March.", subj="final round"),
]
