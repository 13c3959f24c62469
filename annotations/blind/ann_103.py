from ann_lib import C
NAME = "103_germany_norway_gas.txt"
BOILERPLATE = [
    ("By Lena Hoffmann", "byline"),
    ("This article was produced with support from our energy desk. Follow us for more updates.", "end of article marker"),
]
META = {"title": "Germany Signs Gas Deal With Norway as EU Weighs Price Cap", "subtitle": None, "author": "Lena Hoffmann",
        "headings": ["The price cap divides Europe"]}
G, N, O, P = "GPE", "NORP", "ORG", "PERSON"
DE, NO = ("Germany", G, "Germany"), ("Norway", G, "Norway")
EU = ("EU", O, "European Union")
ENTITIES = [
    DE, NO, EU,
    # P1
    ("BERLIN", G, "Berlin"), DE, ("Norwegian", N, "Norwegian"), ("Katrin Vogel", P, "Katrin Vogel"),
    ("European Union", O, "European Union"),
    # P2
    ("Nordlys Energi ASA", O, "Nordlys Energi"), NO, ("German", N, "German"), ("Vogel", P, "Katrin Vogel"),
    ("Green Party", O, "Green Party"), ("Nordlys", O, "Nordlys Energi"),
    # P3
    ("Russia", G, "Russia"), ("Gazprom", O, "Gazprom"), DE, ("Moscow", G, "Moscow"), ("Berlin", G, "Berlin"), NO,
    ("Netherlands", G, "Netherlands"), ("United States", G, "United States"), ("Qatar", G, "Qatar"),
    # P4
    NO, ("Ingrid Haugen", P, "Ingrid Haugen"), ("Norwegians", N, "Norwegian"), ("Europe", "LOC", "Europe"), NO,
    ("Haugen", P, "Ingrid Haugen"), ("Norwegian", N, "Norwegian"), ("Storting", O, "Storting"), ("Oslo", G, "Oslo"),
    # heading
    ("Europe", "LOC", "Europe"),
    # P5
    EU, ("France", G, "France"), ("Italy", G, "Italy"), ("Dutch", N, "Dutch"), ("Germans", N, "German"), EU,
    ("Pieter de Graaf", P, "Pieter de Graaf"), ("Brussels", G, "Brussels"), ("De Graaf", P, "Pieter de Graaf"),
    ("Europe", "LOC", "Europe"),
    # P6
    ("Association of German Manufacturers", O, "Association of German Manufacturers"),
    ("AGM", O, "Association of German Manufacturers"), ("Norwegian", N, "Norwegian"), ("American", N, "American"),
    ("AGM", O, "Association of German Manufacturers"), ("Martin Brandt", P, "Martin Brandt"), ("German", N, "German"),
    # P7
    DE, ("Bundestag", O, "Bundestag"), ("Vogel", P, "Katrin Vogel"), ("Federal Network Agency", O, "Federal Network Agency"),
    DE,
]
CLAIMS = [
    C("Germany has signed a ten-year agreement to buy Norwegian gas, Economy Minister Katrin Vogel said on Wednesday, as the European Union debates a cap on wholesale energy prices.",
      att="indirect", spk="Katrin Vogel", cue="said", subj="Germany"),
    C("Under the deal, Nordlys Energi ASA, Norway's second-largest gas producer, will supply up to 10 billion cubic metres a year to German utilities.",
      subj="Nordlys Energi"),
    C('Vogel, a Green Party politician, called the agreement "a cornerstone of our energy security".',
      att="mixed", spk="Katrin Vogel", cue="called", subj="agreement"),
    C("Nordlys said the first deliveries would flow through existing pipelines in October.",
      att="indirect", spk="Nordlys Energi", cue="said", subj="first deliveries"),
    C("Before 2022, Russia's Gazprom supplied more than half of Germany's gas.", subj="Gazprom"),
    C("Since Moscow cut deliveries, Berlin has turned to Norway, the Netherlands and liquefied gas from the United States and Qatar.",
      subj="Berlin"),
    C("Norway's Prime Minister, Ingrid Haugen, said Norwegians were proud to help a neighbour.",
      att="indirect", spk="Ingrid Haugen", cue="said", subj="Norwegians"),
    C('"Europe can count on Norway," Haugen told the Norwegian parliament, the Storting, in Oslo.',
      att="direct", spk="Ingrid Haugen", cue="told", subj="Europe"),
    C("The deal comes as EU governments argue over a cap on gas prices.", subj="deal"),
    C("France and Italy back the cap, while the Dutch and the Germans fear it would scare off suppliers.",
      subj="France and Italy"),
    C("The EU's energy commissioner, Pieter de Graaf, said Brussels would present a compromise before the end of the month.",
      att="indirect", spk="Pieter de Graaf", cue="said", subj="Brussels"),
    C('De Graaf warned that a badly designed cap "could leave Europe short of gas next winter".',
      att="mixed", spk="Pieter de Graaf", cue="warned", subj="badly designed cap", hedge=True),
    C("The Association of German Manufacturers (AGM) welcomed the Norwegian deal but said prices remained far above those paid by American rivals.",
      att="indirect", spk="Association of German Manufacturers", cue="said", subj="prices"),
    C("The AGM's president, Martin Brandt, said German chemical plants were still running at reduced capacity.",
      att="indirect", spk="Martin Brandt", cue="said", subj="German chemical plants"),
    C("Critics in Germany's Bundestag said the government had locked in high prices for a decade.",
      att="indirect", spk="Critics in Germany's Bundestag", cue="said", subj="Germany"),
    C("Vogel rejected that, saying the contract allowed prices to be reviewed every two years.",
      att="indirect", spk="Katrin Vogel", cue="saying", subj="contract"),
    C("The Federal Network Agency, Germany's energy regulator, said storage sites were 78% full.",
      att="indirect", spk="Federal Network Agency", cue="said", subj="storage sites"),
]
