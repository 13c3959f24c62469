from ann_lib import C
NAME = "000_840721b9eac7f4e6.txt"
TITLE = "The Ripple Effect: How U.S. Sanctions on Russia Are Impacting Kazakhstan's Economy and Geopolitics"
NEWS = "To complete Subscribe, click the confirmation link in your inbox. If it doesn’t arrive within 3 minutes, check your spam folder."
BOILERPLATE = [
    ("Subscribe to Our Newsletter", "newsletter prompt"),
    ("Success! Now Check Your Email", "subscription confirmation", 1),
    (NEWS, "subscription confirmation", 1),
    ("Ok, Thanks", "subscription confirmation", 1),
    (TITLE, "repeated title", 2),
    ("Jack Oliver profile image", "author avatar", 1),
    ("by Jack Oliver", "byline", 1),
    ("Jack Oliver profile image", "author avatar", 2),
    ("by Jack Oliver", "byline", 2),
    ("Dive Deeper into Today's Headlines", "newsletter prompt"),
    ("Sign up for our newsletter and immerse yourself in stories that matter.", "newsletter prompt"),
    ("Success! Now Check Your Email", "subscription confirmation", 2),
    (NEWS, "subscription confirmation", 2),
    ("Ok, Thanks", "subscription confirmation", 2),
    ("Read More", "read more"),
]
META = {"title": TITLE,
        "subtitle": "Kazakhstan's Economic Dilemma: Balancing Sanctions Compliance with Domestic Economic Stability and Geopolitical Realignment",
        "author": "Jack Oliver",
        "headings": ["Impact on Trade and Industry", "Balancing Sanction Compliance with Economic Interests",
                     "Kazakhstan’s Strategic Repositioning", "The Broader Regional Impact"]}
G, N = "GPE", "NORP"
KZ = ("Kazakhstan", G, "Kazakhstan")
RU = ("Russia", G, "Russia")
ENTITIES = [
    # title (first copy) and subtitle
    ("U.S.", G, "United States"), RU, KZ, KZ,
    # P1
    ("U.S.", G, "United States"), RU, ("Ukraine", G, "Ukraine"), KZ, KZ, RU, ("Central Asian", N, "Central Asian"),
    # P2
    KZ, RU, RU, KZ,
    # P3
    ("Eurasian Resources Group", "ORG", "Eurasian Resources Group"), ("Kazakh", N, "Kazakh"), RU,
    ("Kazakh", N, "Kazakh"), RU, ("Russian", N, "Russian"), ("Kazakh", N, "Kazakh"),
    # P4
    KZ, KZ, ("Serik Zhumangarin", "PERSON", "Serik Zhumangarin"), RU,
    # P5
    KZ, ("Western", N, "Western"), KZ, RU,
    # heading, P6
    KZ, KZ, ("Central Asia", "LOC", "Central Asia"), RU, ("China", G, "China"), ("Iran", G, "Iran"),
    ("China", G, "China"), KZ,
    # P7
    KZ, ("China", G, "China"), ("Iran", G, "Iran"), KZ, ("Caspian Sea", "LOC", "Caspian Sea"), ("Iran", G, "Iran"),
    ("Iran", G, "Iran"),
    # P8
    KZ, RU, ("West", "LOC", "West"), ("Central Asian", N, "Central Asian"), RU, KZ, KZ, ("China", G, "China"), RU,
    ("Central Asia", "LOC", "Central Asia"),
    # P9
    KZ, RU, ("Russian", N, "Russian"), ("Caspian Pipeline Consortium", "ORG", "Caspian Pipeline Consortium"),
    ("Moscow", G, "Moscow"),
]
CLAIMS = [
    C("As the U.S. and its allies continue to impose sanctions on Russia in response to its invasion of Ukraine, neighboring countries like Kazakhstan find themselves in a complex situation.",
      subj="neighboring countries", sa=["United States", "Russia's invasion"]),
    C("Kazakhstan, which shares a vast border and deep economic ties with Russia, is particularly affected.", subj="Kazakhstan"),
    C("The Central Asian nation is now navigating a delicate path between complying with international sanctions and safeguarding its own economic interests.",
      subj="Kazakhstan", sa=["Kazakhstan"]),
    C("Kazakhstan's economy is intricately linked to Russia’s, with significant trade relations and shared infrastructure.",
      subj="Kazakhstan's economy"),
    C("Before the sanctions, Russia was Kazakhstan's largest trading partner, with key sectors such as energy, mining, and metallurgy heavily dependent on this relationship.",
      subj="Russia"),
    C("However, the sanctions have disrupted these ties, causing significant economic strains.", subj="sanctions"),
    C("One prominent example is the Eurasian Resources Group, a Kazakh company that has suffered major losses due to sanctions blocking its iron ore exports to Russia.",
      subj="Eurasian Resources Group", sa=["Eurasian Resources Group's iron ore exports"]),
    C("The company, which is 40% owned by the Kazakh state, has seen its sales to Russia plummet, while Russian steelmakers have shifted to domestic suppliers, leaving Kazakh firms in a precarious position.",
      subj="Eurasian Resources Group", sa=["Eurasian Resources Group"]),
    C("Despite the economic challenges, Kazakhstan's government has made it clear that it will not blindly follow the sanctions if they harm its key industries.",
      att="indirect", spk="Kazakhstan's government", cue="made it clear", subj="Kazakhstan", neg=True,
      sa=["Kazakhstan's key industries"]),
    C("Kazakhstan’s Deputy Prime Minister and Minister of Trade, Serik Zhumangarin, emphasized that the country would prioritize its economic interests, particularly in sectors that are critical to local employment and economic stability.",
      att="indirect", spk="Serik Zhumangarin", cue="emphasized", subj="Kazakhstan", sa=["Kazakhstan would prioritize"]),
    C("This includes continuing the production and trade of goods like ball bearings, which have both civilian and military applications in Russia.",
      subj=None),
    C("Kazakhstan’s selective enforcement of sanctions reflects a broader strategy to balance its economic survival with the need to avoid alienating Western partners.",
      subj="Kazakhstan’s selective enforcement", sa=["Kazakhstan's economic survival"]),
    C("While Kazakhstan has largely complied with international sanctions to avoid being targeted itself, it has also sought to protect its own economic interests by maintaining certain trade flows with Russia.",
      subj="Kazakhstan", sa=["Kazakhstan has also sought"]),
    C("Kazakhstan’s response to the sanctions is part of a broader strategic repositioning in Central Asia.",
      subj="Kazakhstan’s response"),
    C("The country is increasingly looking to diversify its economic dependencies away from Russia by strengthening ties with other regional powers like China and Iran.",
      subj="Kazakhstan", sa=["Kazakhstan"]),
    C("China has already become Kazakhstan’s largest individual trade partner", subj="China"),
    C("there are plans to further enhance this relationship by expanding trade routes and infrastructure projects.",
      subj="plans", hedge=True),
    C("Kazakhstan’s engagement with China and Iran also reflects its efforts to create more resilient trade networks, especially in light of the logistical challenges posed by the sanctions.",
      subj="Kazakhstan’s engagement", sa=["Kazakhstan's efforts"]),
    C("For instance, Kazakhstan is exploring new trade routes through the Caspian Sea to Iran, despite the complexities involved in navigating existing sanctions on Iran.",
      subj="Kazakhstan"),
    C("Kazakhstan’s balancing act between Russia and the West has significant implications for the broader region.",
      subj="Kazakhstan’s balancing act"),
    C("Other Central Asian countries, which also have close ties to Russia, may take cues from Kazakhstan’s approach, leading to a potential shift in regional power dynamics.",
      subj="Other Central Asian countries", hedge=True),
    C("Moreover, Kazakhstan’s increasing economic interaction with China could further diminish Russia’s influence in Central Asia, reshaping the region’s geopolitical landscape.",
      subj="Kazakhstan’s increasing economic interaction", hedge=True, sa=["Central Asia's geopolitical landscape"]),
    C("At the same time, Kazakhstan’s cautious approach highlights the limitations of its geopolitical maneuvering.",
      subj="Kazakhstan’s cautious approach", sa=["Kazakhstan's geopolitical maneuvering"]),
    C("While the country seeks to maintain a neutral stance, its deep economic ties with Russia and reliance on Russian-controlled infrastructure, such as the Caspian Pipeline Consortium, limit its ability to fully pivot away from Moscow.",
      subj="Kazakhstan's deep economic ties", sa=["Kazakhstan seeks", "Kazakhstan's deep economic ties"]),
]
