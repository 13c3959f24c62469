from ann_lib import C
NAME = "105_chinese_chipmaker_malaysia.txt"
BOILERPLATE = [
    ("By Chen Hao", "byline"),
    ("Click here to subscribe to our Asia Tech newsletter.", "newsletter prompt"),
]
META = {"title": "Chinese Chipmaker Expands in Malaysia as US Export Curbs Bite", "subtitle": None, "author": "Chen Hao",
        "headings": ["A crowded region"]}
G, N, O, P = "GPE", "NORP", "ORG", "PERSON"
HX = "Huaxin Semiconductor Manufacturing"
TS = "Taiwan Semiconductor Manufacturing"
MY = ("Malaysia", G, "Malaysia")
ENTITIES = [
    ("Chinese", N, "Chinese"), MY, ("US", G, "United States"),
    # P1
    ("SHANGHAI", G, "Shanghai"), ("Huaxin Semiconductor Manufacturing Co.", O, HX), ("Shanghai", G, "Shanghai"),
    ("Penang", G, "Penang"), MY, ("American", N, "American"),
    # P2
    ("Huaxin", O, HX), ("Chinese", N, "Chinese"), ("Zhao Mingyu", P, "Zhao Mingyu"), MY, ("Zhao", P, "Zhao Mingyu"),
    # P3
    ("Washington", G, "Washington"), ("China", G, "China"), ("Commerce Department", O, "Commerce Department"),
    ("Huaxin", O, HX), ("U.S.", G, "United States"), ("United States", G, "United States"), ("Malaysian", N, "Malaysian"),
    # P4
    MY, ("Farid Hamzah", P, "Farid Hamzah"), ("Farid", P, "Farid Hamzah"), ("Malaysian", N, "Malaysian"),
    ("Kuala Lumpur", G, "Kuala Lumpur"), ("Penang", G, "Penang"), ("Chinese", N, "Chinese"),
    # P5
    ("South Korean", N, "South Korean"), ("Taiwanese", N, "Taiwanese"), ("Taiwan Semiconductor Manufacturing Co.", O, TS),
    ("TSMC", O, TS), ("Japan", G, "Japan"), ("United States", G, "United States"),
    ("Samsung Electronics", O, "Samsung Electronics"), ("Vietnam", G, "Vietnam"),
    ("Meridian Asia Research", O, "Meridian Asia Research"), ("Singapore", G, "Singapore"), ("Huaxin", O, HX),
    ("TSMC", O, TS),
    # P6
    ("Beijing", G, "Beijing"), ("China", G, "China"), ("Meridian", O, "Meridian Asia Research"), ("Grace Tan", P, "Grace Tan"),
    ("Tan", P, "Grace Tan"), ("People's Republic of China", G, "China"), ("Chinese", N, "Chinese"),
    # P7
    ("Huaxin", O, HX), ("Shanghai", G, "Shanghai"), ("Bank of China", O, "Bank of China"),
]
CLAIMS = [
    C("Huaxin Semiconductor Manufacturing Co., a Shanghai-based maker of memory chips, said on Friday it would build a $2 billion packaging plant in Penang, Malaysia, as tighter American export controls limit its access to advanced equipment.",
      att="indirect", spk=HX, cue="said", subj=HX),
    C("Huaxin, which counts the Chinese government among its biggest shareholders, said the plant would employ 3,000 people when it opens in 2027.",
      att="indirect", spk=HX, cue="said", subj="plant"),
    C("The company's chairman, Zhao Mingyu, said Malaysia offered skilled workers and stable rules.",
      att="indirect", spk="Zhao Mingyu", cue="said", subj="Malaysia", sa=["Huaxin"]),
    C("We are a global company", att="direct", spk="Zhao Mingyu", cue="said", subj=HX, sa=["Zhao"]),
    C('we will go where our customers are," Zhao said.', att="direct", spk="Zhao Mingyu", cue="said", subj=HX),
    C("Washington has barred the sale of many chipmaking tools to China since 2022", subj="Washington"),
    C("the Commerce Department added Huaxin to its trade blacklist last year.", subj="Commerce Department",
      sa=["Commerce Department's trade blacklist"]),
    C('A U.S. official, speaking on condition of anonymity, said the United States was watching the Malaysian project "very carefully".',
      att="mixed", spk="U.S. official", cue="said", subj="United States"),
    C("Malaysia's Minister of Investment, Trade and Industry, Farid Hamzah, said his country welcomed investment from all sides.",
      att="indirect", spk="Farid Hamzah", cue="said", subj="Malaysia", sa=["Malaysia welcomed"]),
    C("Farid said Malaysian law would apply to the plant", att="indirect", spk="Farid Hamzah", cue="said", subj="Malaysian law"),
    C("Kuala Lumpur would enforce export rules.", att="indirect", spk="Farid Hamzah", cue="said", subj="Kuala Lumpur",
      sa=["Farid"]),
    C("The Penang state government said it expected more Chinese firms to follow.",
      att="indirect", spk="Penang state government", cue="said", subj="Penang", hedge=True),
    C("The move follows similar investments by South Korean and Taiwanese firms.", subj="move"),
    C("Taiwan Semiconductor Manufacturing Co. (TSMC), the world's largest contract chipmaker, has built plants in Japan and the United States, while Samsung Electronics is expanding in Vietnam.",
      subj=TS),
    C("Analysts at Meridian Asia Research in Singapore said Huaxin was copying a strategy that TSMC and its rivals had used for years.",
      att="indirect", spk="Analysts at Meridian Asia Research", cue="said", subj=HX),
    C('"Beijing wants its champions to have a foot outside China," said Meridian analyst Grace Tan.',
      att="direct", spk="Grace Tan", cue="said", subj="Beijing"),
    C("Tan added that the People's Republic of China had become more relaxed about Chinese firms building abroad.",
      att="indirect", spk="Grace Tan", cue="added", subj="China"),
    C("Huaxin's shares rose 4% in Shanghai after the announcement.", subj="Huaxin's shares"),
    C("The company said it would fund the plant from cash and loans from the Bank of China.",
      att="indirect", spk=HX, cue="said", subj=HX, sa=["Huaxin"]),
]
