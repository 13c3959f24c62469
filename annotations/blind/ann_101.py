from ann_lib import C
NAME = "101_us_steel_tariffs.txt"
BOILERPLATE = [
    ("By Daniel Okafor", "byline"),
    ("Sign up for our Morning Briefing newsletter", "newsletter prompt"),
    ("Get the day's top business stories delivered to your inbox.", "newsletter prompt"),
    ("Read More", "read more"),
]
META = {"title": "US Tariffs on Steel Leave Mexican and Canadian Producers Scrambling",
        "subtitle": "Washington says the measure protects American jobs; Ottawa and Mexico City weigh their response",
        "author": "Daniel Okafor", "headings": ["What Comes Next"]}
G, N, O, P = "GPE", "NORP", "ORG", "PERSON"
US = ("United States", G, "United States")
EU = ("European Union", O, "European Union")
ENTITIES = [
    ("US", G, "United States"), ("Mexican", N, "Mexican"), ("Canadian", N, "Canadian"),
    ("Washington", G, "Washington"), ("American", N, "American"), ("Ottawa", G, "Ottawa"), ("Mexico City", G, "Mexico City"),
    # P1
    ("WASHINGTON", G, "Washington"), US, ("White House", O, "White House"), ("Mexico", G, "Mexico"), ("Canada", G, "Canada"),
    # P2
    ("Margaret Hollis", P, "Margaret Hollis"), ("American", N, "American"), ("Hollis", P, "Margaret Hollis"),
    ("US", G, "United States"),
    # P3
    ("Canada", G, "Canada"), ("Jean-Marc Tremblay", P, "Jean-Marc Tremblay"), ("Ottawa", G, "Ottawa"),
    ("Mexican", N, "Mexican"), ("Mexico", G, "Mexico"), ("Lucia Navarro", P, "Lucia Navarro"), ("Washington", G, "Washington"),
    # P4
    ("Northfield Steel Corporation", O, "Northfield Steel"), ("NSC", O, "Northfield Steel"), ("Pittsburgh", G, "Pittsburgh"),
    ("Brazil", G, "Brazil"), ("NSC", O, "Northfield Steel"), ("Robert Kane", P, "Robert Kane"), ("Kane", P, "Robert Kane"),
    # P5
    ("Harlow & Pierce", O, "Harlow & Pierce"), ("New York", G, "New York"), ("U.S.", G, "United States"),
    ("Brazilian", N, "Brazilian"), ("South Korean", N, "South Korean"), ("South Korea", G, "South Korea"),
    ("Brazil", G, "Brazil"), ("American", N, "American"),
    # P6
    EU, ("EU", O, "European Union"), ("Washington", G, "Washington"), ("EU", O, "European Union"),
    ("Anna Lindqvist", P, "Anna Lindqvist"), ("Brussels", G, "Brussels"),
    # P7
    ("Commerce Department", O, "Commerce Department"), ("Congress", O, "Congress"), ("Thomas Reed", P, "Thomas Reed"),
    ("Republican", N, "Republican"), ("Ohio", G, "Ohio"), ("Democrats", N, "Democrat"),
    ("House of Representatives", O, "House of Representatives"),
    # P8
    ("Canadian", N, "Canadian"), ("Ontario", G, "Ontario"), ("Chinese", N, "Chinese"),
    ("United States-Mexico-Canada Agreement", "LAW", "United States-Mexico-Canada Agreement"),
    ("Tremblay", P, "Jean-Marc Tremblay"), ("Canada", G, "Canada"), ("World Trade Organization", O, "World Trade Organization"),
    ("Navarro", P, "Lucia Navarro"), ("Mexico", G, "Mexico"),
]
CLAIMS = [
    C("The United States will raise tariffs on imported steel and aluminium to 35 percent from next month, the White House said on Tuesday, a move that alarmed producers in Mexico and Canada.",
      att="indirect", spk="White House", cue="said", subj="United States"),
    C('Trade Representative Margaret Hollis, a former steel industry lawyer, told reporters that the measure would "restore fairness" for American workers.',
      att="mixed", spk="Margaret Hollis", cue="told", subj="measure"),
    C("Hollis said the US had tolerated unfair competition for too long",
      att="indirect", spk="Margaret Hollis", cue="said", subj="United States"),
    C("other countries had flooded the market with cheap metal.",
      att="indirect", spk="Margaret Hollis", cue="said", subj="other countries", sa=["Hollis"]),
    C('Canada\'s Minister of International Trade, Jean-Marc Tremblay, called the decision "deeply disappointing" and said Ottawa would respond.',
      att="mixed", spk="Jean-Marc Tremblay", cue="called", subj="decision"),
    C("Mexican officials were more cautious.", subj="Mexican officials"),
    C("Mexico's Economy Secretary, Lucia Navarro, said her government would seek talks with Washington before taking any action.",
      att="indirect", spk="Lucia Navarro", cue="said", subj="Mexico", sa=["Navarro's government"]),
    C("The tariffs hit companies such as Northfield Steel Corporation (NSC), a Pittsburgh-based producer that imports semi-finished slabs from Brazil.",
      subj="tariffs"),
    C("NSC chief executive Robert Kane said the company would pass some of the costs on to its customers.",
      att="indirect", spk="Robert Kane", cue="said", subj="Northfield Steel", sa=["Northfield Steel"]),
    C('"We support the goal, but not the method," Kane said.',
      att="direct", spk="Robert Kane", cue="said", subj="Northfield Steel"),
    C("Analysts at Harlow & Pierce, a consultancy in New York, estimated that the measures could cost U.S. manufacturers $4 billion a year.",
      att="indirect", spk="Analysts at Harlow & Pierce", cue="estimated", subj="measures", hedge=True),
    C("Brazilian and South Korean exporters are also exposed.", subj="Brazilian and South Korean exporters"),
    C("South Korea's trade ministry said it was studying the details, while Brazil's foreign ministry summoned the American ambassador.",
      att="indirect", spk="South Korea's trade ministry", cue="said", subj="South Korea"),
    C("The European Union, which was spared in this round, warned that the EU would defend its interests if Washington widened the tariffs.",
      att="indirect", spk="European Union", cue="warned", subj="European Union", sa=["European Union's interests"]),
    C('An EU spokesperson, Anna Lindqvist, said Brussels was "watching closely".',
      att="mixed", spk="Anna Lindqvist", cue="said", subj="Brussels"),
    C("The measure still needs sign-off from the Commerce Department.", subj="measure"),
    C("Congress could also weigh in", subj="Congress", hedge=True),
    C("Senator Thomas Reed, a Republican from Ohio, said he would back the tariffs, while Democrats in the House of Representatives were split.",
      att="indirect", spk="Thomas Reed", cue="said", subj="Thomas Reed", sa=["Reed would back"]),
    C("For Canadian producers, the timing is poor.", subj="timing"),
    C("Steel towns in Ontario have already lost jobs to Chinese competition", subj="Steel towns"),
    C("the new duties come as the United States-Mexico-Canada Agreement is under review.", subj="new duties"),
    C("Tremblay said Canada would raise the issue at the World Trade Organization",
      att="indirect", spk="Jean-Marc Tremblay", cue="said", subj="Canada"),
    C("Navarro said Mexico might join that complaint.",
      att="indirect", spk="Lucia Navarro", cue="said", subj="Mexico", hedge=True),
]
