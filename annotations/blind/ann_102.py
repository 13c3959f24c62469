from ann_lib import C
NAME = "102_kazakh_miner_copper.txt"
BOILERPLATE = [
    ("By Dana Bekova", "byline"),
    ("Share this article", "share bar"),
    ("Related: Kazakhstan's grain exports hit record", "related stories"),
]
META = {"title": "Kazakh Miner Bets on Copper as Russian Demand Fades", "subtitle": None, "author": "Dana Bekova",
        "headings": ["Sanctions and Logistics"]}
G, N, O, P = "GPE", "NORP", "ORG", "PERSON"
SRG = ("SRG", O, "Steppe Resources Group")
KFL = ("KFL", O, "Kazakhstan Freight Lines")
ENTITIES = [
    ("Kazakh", N, "Kazakh"), ("Russian", N, "Russian"),
    # P1
    ("ALMATY", G, "Almaty"), ("Steppe Resources Group", O, "Steppe Resources Group"), SRG, ("Kazakhstan", G, "Kazakhstan"),
    ("Russia", G, "Russia"),
    # P2
    SRG, ("Kazakh", N, "Kazakh"), ("Tengri Holding", O, "Tengri Holding"), ("Russian", N, "Russian"),
    # P3
    ("Nurlan Abenov", P, "Nurlan Abenov"), ("China", G, "China"), ("Turkey", G, "Turkey"), ("Russian", N, "Russian"),
    ("Abenov", P, "Nurlan Abenov"), SRG, ("Pavlodar", G, "Pavlodar"),
    # P4
    ("Kazakhstan", G, "Kazakhstan"), ("Yerlan Dosmukhamedov", P, "Yerlan Dosmukhamedov"), ("Russian", N, "Russian"),
    ("Kazakhs", N, "Kazakh"),
    # P5
    ("China", G, "China"), ("Dostyk", G, "Dostyk"), ("Kazakhstan Freight Lines", O, "Kazakhstan Freight Lines"), KFL, KFL,
    ("Chinese", N, "Chinese"),
    # P6
    ("Tumar Securities", O, "Tumar Securities"), ("Almaty", G, "Almaty"), SRG,
    ("Aliya Nurpeisova", P, "Aliya Nurpeisova"), ("Nurpeisova", P, "Aliya Nurpeisova"), ("Chinese", N, "Chinese"),
    # P7
    ("European Union", O, "European Union"), ("Kazakhstan", G, "Kazakhstan"), ("Astana", G, "Astana"), ("Russia", G, "Russia"),
    ("EU", O, "European Union"), SRG, ("Abenov", P, "Nurlan Abenov"), ("Russian", N, "Russian"),
    # P8
    ("Kazakh", N, "Kazakh"), ("Turkish", N, "Turkish"), ("Emirati", N, "Emirati"),
    ("Dosmukhamedov", P, "Yerlan Dosmukhamedov"), ("Istanbul", G, "Istanbul"), ("Abu Dhabi", G, "Abu Dhabi"),
]
CLAIMS = [
    C("Steppe Resources Group (SRG), one of Kazakhstan's largest mining companies, said on Monday it would spend $1.2 billion on copper projects over the next five years as sales of iron ore to Russia continue to shrink.",
      att="indirect", spk="Steppe Resources Group", cue="said", subj="Steppe Resources Group",
      sa=["Steppe Resources Group would spend"]),
    C("SRG, which is 40% owned by the Kazakh state through Tengri Holding, has been hit hard by sanctions on its biggest customers.",
      subj="Steppe Resources Group", sa=["Steppe Resources Group's biggest customers"]),
    C("The company said Russian steelmakers had cut their orders by nearly a third since 2022.",
      att="indirect", spk="Steppe Resources Group", cue="said", subj="Russian steelmakers", sa=["Steppe Resources Group"]),
    C("Chief executive Nurlan Abenov told analysts that the group would redirect exports to China and Turkey.",
      att="indirect", spk="Nurlan Abenov", cue="told", subj="Steppe Resources Group", sa=["Steppe Resources Group"]),
    C("Our Russian customers have not disappeared",
      att="direct", spk="Nurlan Abenov", cue="said", subj="Russian customers", neg=True, sa=["Abenov"]),
    C('they now buy less and pay later," Abenov said.',
      att="direct", spk="Nurlan Abenov", cue="said", subj="Russian customers"),
    C("He added that SRG's new smelter near Pavlodar would start production in 2026.",
      att="indirect", spk="Nurlan Abenov", cue="added", subj="SRG's new smelter", sa=["Abenov"]),
    C("Kazakhstan's Minister of Industry and Construction, Yerlan Dosmukhamedov, said the government supported the plan.",
      att="indirect", spk="Yerlan Dosmukhamedov", cue="said", subj="Kazakhstan"),
    C("Copper, he said, would help the country reduce its dependence on Russian buyers.",
      att="indirect", spk="Yerlan Dosmukhamedov", cue="said", subj="Copper", sa=["Dosmukhamedov", "Kazakhstan"]),
    C("Many Kazakhs in the industrial towns of the north work for the group", subj="Kazakhs", sa=["Steppe Resources Group"]),
    C("the ministry wants those jobs protected.", subj="Kazakhstan"),
    C("Moving ore east is expensive.", subj="Moving ore east"),
    C("Trains must cross into China at Dostyk", subj="Trains"),
    C("the national railway operator, Kazakhstan Freight Lines (KFL), has struggled to add wagons.",
      subj="Kazakhstan Freight Lines"),
    C("KFL said last month that it would lease 500 more from a Chinese supplier.",
      att="indirect", spk="Kazakhstan Freight Lines", cue="said", subj="Kazakhstan Freight Lines",
      sa=["Kazakhstan Freight Lines"]),
    C("Analysts at Tumar Securities, an Almaty brokerage, said the plan made sense but carried risks.",
      att="indirect", spk="Analysts at Tumar Securities", cue="said", subj="plan"),
    C("Copper prices are volatile",
      att="direct", spk="Aliya Nurpeisova", cue="said", subj="Copper prices", sa=["Nurpeisova"]),
    C('SRG is late to the game," said Aliya Nurpeisova, the firm\'s head of research.',
      att="direct", spk="Aliya Nurpeisova", cue="said", subj="Steppe Resources Group"),
    C("Nurpeisova added that Chinese smelters had more capacity than they could use.",
      att="indirect", spk="Aliya Nurpeisova", cue="added", subj="Chinese smelters"),
    C("The European Union, Kazakhstan's largest foreign investor, has urged Astana to stop the re-export of sanctioned goods to Russia.",
      subj="European Union"),
    C("An EU official said the bloc was satisfied with SRG's compliance so far.",
      att="indirect", spk="EU official", cue="said", subj="European Union", sa=["European Union"]),
    C('Mr Abenov said the company had "nothing to hide" and would publish an audit of its Russian sales in the spring.',
      att="mixed", spk="Nurlan Abenov", cue="said", subj="Steppe Resources Group", neg=True,
      sa=["Steppe Resources Group"]),
    C("Kazakh officials hope the copper push will also attract Turkish and Emirati investors.", subj="Kazakh officials"),
    C("Dosmukhamedov is due to visit Istanbul and Abu Dhabi next month.", subj="Yerlan Dosmukhamedov"),
]
