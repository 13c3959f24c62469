from ann_lib import C
G, N, O, P = "GPE", "NORP", "ORG", "PERSON"

# ---------------------------------------------------------------- 201
A201 = dict(NAME="201_wikinews_pelosi_speaker.txt")
NP = ("Pelosi", P, "Nancy Pelosi")
USC = "United States Congress"
A201["BOILERPLATE"] = [("Friday, January 4, 2019  ", "date line")]
A201["META"] = {"title": None, "subtitle": None, "author": None, "headings": []}
A201["ENTITIES"] = [
    ("Nancy Pelosi", P, "Nancy Pelosi"), ("United States Congress", O, USC),
    ("House of Representatives", O, "House of Representatives"), ("Democrats", N, "Democrat"),
    ("Republicans", N, "Republican"), NP, ("Republican", N, "Republican"), ("Kevin McCarthy", P, "Kevin McCarthy"),
    ("Congress", O, USC), NP, NP, ("Tim Gunn", P, "Tim Gunn"), ("Grateful Dead", O, "Grateful Dead"),
    ("Mickey Hart", P, "Mickey Hart"),
    ("Donald Trump", P, "Donald Trump"), NP,
    NP, ("Republicans", N, "Republican"), ("Democrats", N, "Democrat"),
    ("U.S.", G, "United States"), ("Trump", P, "Donald Trump"), ("Congress", O, USC), ("Trump", P, "Donald Trump"),
    ("Mexico", G, "Mexico"), NP, ("Senate", O, "Senate"), ("Republican", N, "Republican"), ("Trump", P, "Donald Trump"),
    NP, ("Democrats", N, "Democrat"), NP,
    ("U.S. Congress", O, USC),
    ("Nancy Pelosi", P, "Nancy Pelosi"), ("U.S.", G, "United States"),
    ("House", O, "House of Representatives"), ("House", O, "House of Representatives"),
]
A201["CLAIMS"] = [
    C("Nancy Pelosi yesterday resumed the office of Speaker of the House, being voted into the position by the incoming 116th United States Congress.",
      subj="Nancy Pelosi"),
    C("The new members of the House of Representatives, which include 235 Democrats and 199 Republicans, voted for Pelosi to serve as Speaker with 220 votes.",
      subj="new members"),
    C("Republican Kevin McCarthy, who held the post of Speaker this past term, received 192.", subj="Kevin McCarthy"),
    C('"I pledge that this Congress will be transparent, bipartisan and unifying; that we will seek to reach across the aisle in this Chamber and across the divisions across our nation," Pelosi told the public.',
      att="direct", spk="Nancy Pelosi", cue="told", subj="Nancy Pelosi"),
    C("Guests at the swearing in included Pelosi's grandchildren and such celebrities as fashion designer Tim Gunn and Grateful Dead drummer Mickey Hart.",
      subj="Guests"),
    C('President Donald Trump congratulated Pelosi, saying, "hopefully we\'re going to have a lot of things that we can get done together."',
      att="direct", spk="Donald Trump", cue="saying", subj=None, hedge=True),
    C("Pelosi has said her plans for the new term will begin with less controversial issues with which she could find common ground with Republicans",
      att="indirect", spk="Nancy Pelosi", cue="said", subj="plans", sa=["Pelosi's plans"]),
    C("Democrats also plan to address the current government shutdown promptly.",
      att="indirect", spk="Nancy Pelosi", cue="said", subj="Democrats", hedge=True, sa=["Pelosi"]),
    C("About a quarter of the U.S. federal government, 800,000 employees, is not in operation because President Trump and the previous Congress could not reach an agreement about the national budget.",
      subj="quarter", neg=True),
    C("President Trump has said he will not approve a budget that does not allocate funding for a wall along the country's border with Mexico.",
      att="indirect", spk="Donald Trump", cue="said", subj="Donald Trump", neg=True, sa=["Trump will not approve"]),
    C("Pelosi has proposed legislation that would fund the government through September.", subj="Nancy Pelosi"),
    C("For the budget to pass, it must also be approved by the Senate, which has a Republican majority", subj="budget"),
    C("it must be signed by President Trump.", subj="budget"),
    C("Within her own party, the choice of Pelosi was not uncontested.", subj="choice", neg=True),
    C("Some called for younger leadership.", subj="Some"),
    C("Altogether, fifteen Democrats defected.", subj="Democrats"),
    C("Pelosi had agreed to support some of her opponents' plans, such as term limits for individuals serving as Speaker.",
      subj="Nancy Pelosi"),
    C("The 116th U.S. Congress has the greatest number of women, 102, and people of color in the country's history and also has the youngest average age.",
      subj=USC),
    C("Nancy Pelosi became the first woman to serve as Speaker of the House in 2007 and held the post until 2011.",
      subj="Nancy Pelosi"),
    C("The Speaker of the House is the third-highest ranking person in the U.S. Federal government and automatically assumes the presidency if the President and Vice President are both killed or incapacitated.",
      subj="Speaker"),
    C("Unlike Senators, who serve six-year terms, members of the House are elected for two-year terms.", subj="members"),
    C("As such, every member of the House is either re-elected or replaced during every federal election.",
      subj="every member"),
]

# ---------------------------------------------------------------- 202
A202 = dict(NAME="202_wikinews_koszalin_escape_room_fire.txt")
JB = "Joachim Brudziński"
A202["BOILERPLATE"] = [("Saturday, January 5, 2019 ", "date line")]
A202["META"] = {"title": None, "subtitle": None, "author": None, "headings": []}
A202["ENTITIES"] = [
    ("Koszalin", G, "Koszalin"), ("North Poland", "LOC", "North Poland"),
    ("Poland", G, "Poland"),
    ("Andrzej Duda", P, "Andrzej Duda"), (JB, P, JB), ("Poland", G, "Poland"), ("State Fire Brigade", O, "State Fire Brigade"),
    ("Duda", P, "Andrzej Duda"),
    ("Tomasz Kubiak", P, "Tomasz Kubiak"), ("Agence France-Presse", O, "Agence France-Presse"),
    ("Monika Kosiec", P, "Monika Kosiec"), ("Kosiec", P, "Monika Kosiec"), ("PAP", O, "PAP"),
    ("Brudzinski", P, JB), ("Koszalin", G, "Koszalin"), ("Piotr Jedlinski", P, "Piotr Jedlinski"),
]
A202["CLAIMS"] = [
    C("A fire yesterday afternoon killed five girls, all aged fifteen, at an escape room the group was visiting to celebrate a birthday in Koszalin, North Poland.",
      subj="fire"),
    C("Following the fire, which also seriously injured a man, authorities are performing checks on all the nation's escape rooms.",
      subj="authorities", sa=["Poland"]),
    C("Escape rooms see participants locked into a space and given clues and a time limit to figure out how to free themselves.",
      subj="Escape rooms"),
    C("The enterprises have grown in popularity in recent years with reportedly over 1,000 in Poland which are especially patronised by teens.",
      subj="enterprises", hedge=True),
    C('President Andrzej Duda said the victims were "joyful girls starting out in life [who] have had life torn away from them" in an "appalling tragedy"',
      att="mixed", spk="Andrzej Duda", cue="said", subj="victims"),
    C("Interior Minister Joachim Brudziński wrote he had ordered fire safety checks on escape rooms across Poland by the State Fire Brigade.",
      att="indirect", spk=JB, cue="wrote", subj=JB, sa=["Brudziński had ordered"]),
    C('He tweeted, "I want to express my sympathy and regrets to the families of the victims of the fire".',
      att="direct", spk=JB, cue="tweeted", subj=JB, sa=["Brudziński"]),
    C('Duda also characterised the deaths as "crushing" and wrote "May God protect their parents and loved ones."',
      att="mixed", spk="Andrzej Duda", cue="characterised", subj="deaths"),
    C('Tomasz Kubiak, a fire service spokesman, told Agence France-Presse the male victim is in intensive care with "severe burns".',
      att="mixed", spk="Tomasz Kubiak", cue="told", subj="male victim"),
    C("Police press officer Monika Kosiec stated police believe him to be aged 25.",
      att="indirect", spk="Monika Kosiec", cue="stated", subj="police"),
    C("Kosiec revealed police have been unable to question him.",
      att="indirect", spk="Monika Kosiec", cue="revealed", subj="police"),
    C("State press agency PAP has reported being told off the record all five deaths were caused by carbon monoxide poisoning.",
      att="indirect", spk="PAP", cue="reported", subj="deaths"),
    C("In addition to the inspections Brudzinski also ordered the installation of safety improvements at the facilities.",
      subj=JB),
    C("Mayor of Koszalin Piotr Jedlinski has declared tomorrow a day of mourning.", subj="Piotr Jedlinski"),
]

# ---------------------------------------------------------------- 203
A203 = dict(NAME="203_wikinews_badalona_fire.txt")
A203["BOILERPLATE"] = [("Monday, January 7, 2019 ", "date line")]
A203["META"] = {"title": None, "subtitle": None, "author": None, "headings": []}
A203["ENTITIES"] = [
    ("Badalona", G, "Badalona"), ("Catalonian", N, "Catalonian"), ("Barcelona", G, "Barcelona"),
    ("Twitter", O, "Twitter"), ("Mediterranean", "LOC", "Mediterranean"), ("La Llagosta", G, "La Llagosta"),
]
A203["CLAIMS"] = [
    C("An apartment block caught fire on Saturday morning in Badalona, a Catalonian city around ten kilometres from Barcelona.",
      subj="apartment block"),
    C("The blaze killed three, including a 92-year-old woman, and injured sixteen, including a baby.", subj="blaze"),
    C("The fire service indicated on Twitter the baby girl was critically ill, while two adults were seriously injured.",
      att="indirect", spk="fire service", cue="indicated", subj="baby girl"),
    C("Local authorities indicated the most seriously injured adults escaped alive by leaping from windows to flee the ten-storey building.",
      att="indirect", spk="Local authorities", cue="indicated", subj="most seriously injured adults"),
    C("As of yesterday, no cause had yet been released for the fire by authorities in the Mediterranean coastal town.",
      subj="no cause", neg=True, sa=["Badalona"]),
    C("Firefighters put the fire out on Saturday and were subsequently pictured searching the charred apartments.",
      subj="Firefighters"),
    C("Windows were broken out on multiple floors, with soot coating the outside of the structure.", subj="Windows"),
    C("A second fire on Saturday, eighteen kilometres away in a another block of flats in La Llagosta, killed another person, according to firefighters.",
      att="according_to", spk="firefighters", cue="according to", subj="second fire"),
]

# ---------------------------------------------------------------- 204
A204 = dict(NAME="204_wikinews_florida_highway_fire.txt")
NTSB = "National Transportation Safety Board"
FHP = ("Florida Highway Patrol", O, "Florida Highway Patrol")
A204["BOILERPLATE"] = [("Saturday, January 5, 2019  ", "date line"),
                       ("—Troy Roberts", "pull-quote caption (its quotation box was not scraped)")]
A204["META"] = {"title": None, "subtitle": None, "author": None, "headings": []}
A204["ENTITIES"] = [
    ("Florida", G, "Florida"), ("Gainesville", G, "Gainesville"),
    ("Marksville", G, "Marksville"), ("Louisiana", G, "Louisiana"), ("Avoyelles House of Mercy", O, "Avoyelles House of Mercy"),
    ("Pentecostal", N, "Pentecostal"), ("Louisiana", G, "Louisiana"), ("Walt Disney World", "FAC", "Walt Disney World"),
    ("West Palm Beach", G, "West Palm Beach"), ("Florida", G, "Florida"), ("Albuquerque", G, "Albuquerque"),
    ("New Mexico", G, "New Mexico"),
    FHP, ("Interstate 75", "FAC", "Interstate 75"), ("Alachua", G, "Alachua"),
    ("Vinnie DeVita", P, "Vinnie DeVita"), ("DeVita", P, "Vinnie DeVita"), ("Alachua Sheriff's Office", O, "Alachua Sheriff's Office"),
    ("Nicole Towarek", P, "Nicole Towarek"), ("Florida Department of Transportation", O, "Florida Department of Transportation"),
    ("Troy Roberts", P, "Troy Roberts"), ("Roberts", P, "Troy Roberts"),
    FHP, (NTSB, O, NTSB),
]
A204["CLAIMS"] = [
    C("A road accident followed by a fire on a Florida highway near Gainesville on Thursday killed five children in a church bus and two truck drivers.",
      subj="road accident"),
    C("One semi truck and a car broke through the center guardrail before colliding with other vehicles",
      subj="One semi truck and a car"),
    C("around 50 gallons of diesel fuel, officials said, spilled and ignited.",
      att="indirect", spk="officials", cue="said", subj="50 gallons"),
    C("The children were all from Marksville, Louisiana.", subj="children"),
    C("The Avoyelles House of Mercy, a Pentecostal church, had been travelling 700 miles from Louisiana to Walt Disney World and was within an hour of its destination.",
      subj="Avoyelles House of Mercy", sa=["Avoyelles House of Mercy's destination"]),
    C("One truck driver was from West Palm Beach, Florida, the other from Albuquerque, New Mexico.", subj="One truck driver"),
    C("The deceased were aged nine, ten, thirteen, two aged fourteen, 49, and 59.", subj="deceased"),
    C("At least eight more people were hospitalized.", subj="eight more people"),
    C("The accident sequence began, Florida Highway Patrol described, in the northbound lanes of Interstate 75 close to Alachua when the initial collision between the car and truck occurred.",
      att="indirect", spk="Florida Highway Patrol", cue="described", subj="accident sequence"),
    C("After crossing the center divider, the out-of-control vehicles collided with the church bus and a second semi truck in the southbound lanes.",
      subj="out-of-control vehicles"),
    C("The bus overturned, with occupants ejected", subj="bus"),
    C("a southbound fifth vehicle was unable to prevent itself running through the debris.", subj="southbound fifth vehicle"),
    C("Reports indicate this vehicle may have struck victims lying on the roadway.",
      att="indirect", spk="Reports", cue="indicate", subj="vehicle", hedge=True),
    C('According to eyewitness Vinnie DeVita, "within probably 15 to 20 seconds of it all, it exploded.',
      att="according_to", spk="Vinnie DeVita", cue="according to", subj=None, hedge=True),
    C("DeVita narrowly avoided being caught up in the accident.", subj="Vinnie DeVita"),
    C('The Alachua Sheriff\'s Office tweeted the response "required all hands on deck."',
      att="mixed", spk="Alachua Sheriff's Office", cue="tweeted", subj="response"),
    C("Authorities stated the road was damaged by the fire's ferocity.",
      att="indirect", spk="Authorities", cue="stated", subj="road"),
    C("Emergency workers have indicated a homicide probe is ongoing.",
      att="indirect", spk="Emergency workers", cue="indicated", subj="homicide probe"),
    C('Another eyewitness, Nicole Towarek, described extensive tire marks and "insane" heat.',
      att="mixed", spk="Nicole Towarek", cue="described", subj=None),
    C("Florida Department of Transportation official Troy Roberts said yesterday morning the road itself, which is straight in the vicinity, will be examined as part of investigations.",
      att="indirect", spk="Troy Roberts", cue="said", subj="road"),
    C('He said "Guardrails can only take so much."', att="direct", spk="Troy Roberts", cue="said", subj="Guardrails",
      sa=["Roberts"]),
    C("The guardrail would be examined, Roberts said, to determine if it had performed as designed.",
      att="indirect", spk="Troy Roberts", cue="said", subj="guardrail"),
    C("The state had lanes closed last night as it worked to repair the damaged surface.", subj="Florida", sa=["Florida"]),
    C("Also investigating is the Florida Highway Patrol, which is attempting to ascertain who, if anyone, is to blame.",
      subj="Florida Highway Patrol"),
    C("Meanwhile the National Transportation Safety Board, commonly involved in major highway accident probes, was absent.",
      subj=NTSB),
    C("It is presently unable to operate due to a shutdown of much of the Federal government in a budget dispute",
      subj=NTSB, sa=[NTSB]),
    C("its website notes that its operations center is still accepting accident notifications without specifying if this resource is operating 24/7 as it usually does.",
      att="indirect", spk="website", cue="notes", subj="operations center", sa=[NTSB]),
]
