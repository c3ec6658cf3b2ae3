"""Invented names for the sample practice, in many scripts and spellings.

Every name is made up by combining common first and family names; none describes a real
person. Names come in groups so a first name is paired with a family name from the same
tradition. Each entry is ``(name, ascii)``: the ascii form builds an invented email
address at one of the reserved example domains.
"""

from __future__ import annotations

from dataclasses import dataclass

Name = tuple[str, str]


@dataclass(frozen=True)
class NameGroup:
    women: tuple[Name, ...]
    men: tuple[Name, ...]
    family: tuple[Name, ...]
    #: Names some people of any gender use; they may go with they/them.
    neutral: tuple[Name, ...] = ()


def _plain(*names: str) -> tuple[Name, ...]:
    """Names already in ASCII: the email form is the name lower-cased without spaces."""
    return tuple((n, n.lower().replace(" ", "").replace("'", "")) for n in names)


#: The people every sample practice starts with, whatever its size: they show that
#: names in any script are stored, searched, sorted and printed correctly.
#: (first name, family name, email form, pronouns)
SHOWCASE: tuple[tuple[str, str, str, str], ...] = (
    ("Zoë", "Ødegård", "zoe.odegard", "she/her"),
    ("Ελένη", "Παπαδοπούλου", "eleni.papadopoulou", "she/her"),
    ("Андрей", "Смирнов", "andrei.smirnov", "he/him"),
    ("Siobhán", "Ní Bhriain", "siobhan.nibhriain", "she/her"),
    ("José", "Núñez", "jose.nunez", "he/him"),
    ("花子", "山田", "hanako.yamada", "she/her"),
)

GROUPS: tuple[NameGroup, ...] = (
    NameGroup(  # British and Irish
        women=_plain(
            "Amelia",
            "Charlotte",
            "Eleanor",
            "Harriet",
            "Imogen",
            "Joanna",
            "Kate",
            "Lucy",
            "Megan",
            "Nicola",
            "Rachel",
            "Sarah",
            "Sophie",
            "Victoria",
            "Hannah",
            "Gemma",
            "Claire",
            "Fiona",
            "Rosie",
            "Beth",
        )
        + (("Aoife", "aoife"), ("Niamh", "niamh"), ("Saoirse", "saoirse"), ("Gráinne", "grainne")),
        men=_plain(
            "Oliver",
            "James",
            "Tom",
            "Daniel",
            "Matthew",
            "Owen",
            "Rhys",
            "Callum",
            "Ewan",
            "Stuart",
            "Patrick",
            "Liam",
            "Ben",
            "Adam",
            "Gareth",
            "Neil",
        )
        + (("Seán", "sean"), ("Ciarán", "ciaran"), ("Dónal", "donal")),
        family=_plain(
            "Ashworth",
            "Bradley",
            "Carter",
            "Davies",
            "Ellis",
            "Fletcher",
            "Griffiths",
            "Hughes",
            "Jenkins",
            "Kershaw",
            "Lloyd",
            "Morgan",
            "Nolan",
            "Oakley",
            "Parry",
            "Quinn",
            "Rowe",
            "Sutton",
            "Thornton",
            "Walsh",
            "Whitaker",
            "Yates",
            "MacLeod",
            "Fraser",
            "O'Brien",
            "Gallagher",
            "Pritchard",
            "Holloway",
        )
        + (("Ó Súilleabháin", "osuilleabhain"), ("Mac Giolla", "macgiolla")),
        neutral=_plain("Alex", "Sam", "Robin", "Jordan", "Charlie", "Frankie", "Jamie"),
    ),
    NameGroup(  # Spanish and Portuguese
        women=(
            ("María", "maria"),
            ("Lucía", "lucia"),
            ("Inés", "ines"),
            ("Begoña", "begona"),
            ("Ana", "ana"),
            ("Beatriz", "beatriz"),
            ("Leonor", "leonor"),
            ("Joana", "joana"),
        ),
        men=(
            ("Andrés", "andres"),
            ("Joaquín", "joaquin"),
            ("Tomás", "tomas"),
            ("Rubén", "ruben"),
            ("João", "joao"),
            ("Gonçalo", "goncalo"),
            ("Diego", "diego"),
        ),
        family=(
            ("García", "garcia"),
            ("Muñoz", "munoz"),
            ("Pérez", "perez"),
            ("Fernández", "fernandez"),
            ("Gonçalves", "goncalves"),
            ("Simões", "simoes"),
            ("Ibáñez", "ibanez"),
            ("Ortega", "ortega"),
            ("Conceição", "conceicao"),
        ),
    ),
    NameGroup(  # Nordic, German and Dutch
        women=(
            ("Åsa", "asa"),
            ("Ingrid", "ingrid"),
            ("Sølvi", "solvi"),
            ("Jütte", "jutte"),
            ("Greta", "greta"),
            ("Liesbeth", "liesbeth"),
            ("Maren", "maren"),
        ),
        men=(
            ("Søren", "soren"),
            ("Björn", "bjorn"),
            ("Jürgen", "jurgen"),
            ("Lars", "lars"),
            ("Maarten", "maarten"),
            ("Henrik", "henrik"),
            ("Jörg", "jorg"),
        ),
        family=(
            ("Ødegård", "odegard"),
            ("Sjöberg", "sjoberg"),
            ("Müller", "muller"),
            ("Brännström", "brannstrom"),
            ("van der Berg", "vanderberg"),
            ("Haugen", "haugen"),
            ("Schäfer", "schafer"),
            ("Lindqvist", "lindqvist"),
            ("Østergaard", "ostergaard"),
        ),
    ),
    NameGroup(  # French and Italian
        women=(
            ("Chloé", "chloe"),
            ("Hélène", "helene"),
            ("Zoé", "zoe"),
            ("Giulia", "giulia"),
            ("Francesca", "francesca"),
            ("Léa", "lea"),
            ("Noëlle", "noelle"),
        ),
        men=(
            ("Théo", "theo"),
            ("Jérôme", "jerome"),
            ("François", "francois"),
            ("Niccolò", "niccolo"),
            ("Matteo", "matteo"),
            ("Loïc", "loic"),
        ),
        family=(
            ("Lefèvre", "lefevre"),
            ("Dubois", "dubois"),
            ("Bérenger", "berenger"),
            ("Rossi", "rossi"),
            ("D'Angelo", "dangelo"),
            ("Moreau", "moreau"),
            ("Ferrà", "ferra"),
            ("Gauthier", "gauthier"),
        ),
    ),
    NameGroup(  # Greek
        women=(
            ("Ελένη", "eleni"),
            ("Μαρία", "maria"),
            ("Κατερίνα", "katerina"),
            ("Σοφία", "sofia"),
            ("Δήμητρα", "dimitra"),
        ),
        men=(
            ("Γιώργος", "giorgos"),
            ("Νίκος", "nikos"),
            ("Δημήτρης", "dimitris"),
            ("Κώστας", "kostas"),
            ("Αλέξανδρος", "alexandros"),
        ),
        family=(
            ("Παπαδοπούλου", "papadopoulou"),
            ("Οικονόμου", "oikonomou"),
            ("Γεωργίου", "georgiou"),
            ("Νικολάου", "nikolaou"),
            ("Καραγιάννη", "karagianni"),
        ),
    ),
    NameGroup(  # Russian and Ukrainian
        women=(
            ("Анна", "anna"),
            ("Ольга", "olga"),
            ("Наталья", "natalya"),
            ("Ирина", "irina"),
            ("Оксана", "oksana"),
        ),
        men=(
            ("Андрей", "andrei"),
            ("Дмитрий", "dmitri"),
            ("Сергей", "sergei"),
            ("Михаил", "mikhail"),
            ("Тарас", "taras"),
        ),
        family=(
            ("Смирнов", "smirnov"),
            ("Кузнецов", "kuznetsov"),
            ("Шевченко", "shevchenko"),
            ("Волков", "volkov"),
            ("Бондаренко", "bondarenko"),
        ),
    ),
    NameGroup(  # Polish and Czech
        women=(
            ("Małgorzata", "malgorzata"),
            ("Agnieszka", "agnieszka"),
            ("Zuzana", "zuzana"),
            ("Kateřina", "katerina"),
            ("Joanna", "joanna"),
        ),
        men=(
            ("Paweł", "pawel"),
            ("Łukasz", "lukasz"),
            ("Jiří", "jiri"),
            ("Tomasz", "tomasz"),
            ("Wojciech", "wojciech"),
        ),
        family=(
            ("Wiśniewski", "wisniewski"),
            ("Kowalczyk", "kowalczyk"),
            ("Dvořák", "dvorak"),
            ("Nováková", "novakova"),
            ("Zieliński", "zielinski"),
            ("Lewandowski", "lewandowski"),
        ),
    ),
    NameGroup(  # Turkish
        women=(("Ayşe", "ayse"), ("Elif", "elif"), ("Gül", "gul"), ("Şule", "sule")),
        men=(("Çağrı", "cagri"), ("Emre", "emre"), ("Oğuz", "oguz"), ("Mehmet", "mehmet")),
        family=(
            ("Yılmaz", "yilmaz"),
            ("Öztürk", "ozturk"),
            ("Şahin", "sahin"),
            ("Çelik", "celik"),
            ("Aydın", "aydin"),
        ),
    ),
    NameGroup(  # South Asian
        women=_plain("Priya", "Ananya", "Kavya", "Meera", "Nisha", "Aisha", "Farah"),
        men=_plain("Arjun", "Rohan", "Vikram", "Imran", "Sanjay", "Hamza", "Ravi"),
        family=_plain("Patel", "Sharma", "Iyer", "Chaudhry", "Khan", "Gupta", "Begum", "Nair"),
    ),
    NameGroup(  # West African and Caribbean
        women=_plain("Adaeze", "Chiamaka", "Abena", "Folake", "Marcia", "Yewande"),
        men=_plain("Kwame", "Chidi", "Tunde", "Kofi", "Delroy", "Emeka"),
        family=_plain("Okafor", "Mensah", "Adeyemi", "Boateng", "Campbell", "Okoro", "Asante"),
    ),
    NameGroup(  # Japanese (family name first when written in Japanese)
        women=(("花子", "hanako"), ("さくら", "sakura"), ("美咲", "misaki"), ("陽菜", "hina")),
        men=(("健太", "kenta"), ("翔", "sho"), ("大輔", "daisuke"), ("拓海", "takumi")),
        family=(("山田", "yamada"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi")),
    ),
    NameGroup(  # Chinese
        women=(("秀英", "xiuying"), ("静", "jing"), ("丽", "li"), ("敏", "min")),
        men=(("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun")),
        family=(("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen")),
    ),
    NameGroup(  # Arabic
        women=(("Layla", "layla"), ("Yasmin", "yasmin"), ("Noor", "noor"), ("Rania", "rania")),
        men=(("Omar", "omar"), ("Karim", "karim"), ("Yusuf", "yusuf"), ("Tariq", "tariq")),
        family=(
            ("Haddad", "haddad"),
            ("Al-Sayed", "alsayed"),
            ("Mansour", "mansour"),
            ("Khalil", "khalil"),
            ("Nasser", "nasser"),
        ),
    ),
)

#: How often each group is drawn (the practice is in Britain).
GROUP_WEIGHTS: tuple[int, ...] = (40, 6, 5, 5, 3, 3, 4, 3, 7, 6, 2, 2, 4)

#: Reserved example domains only: no real inbox is ever named.
EMAIL_DOMAINS: tuple[str, ...] = ("example.com", "example.org", "example.net")

#: How new clients found the practice.
SOURCES: tuple[str, ...] = (
    "Word of mouth",
    "GP suggestion",
    "Practice website",
    "Professional directory",
    "A friend who worked with me",
    "Workshop at the community centre",
    "Employee wellbeing scheme",
    "Podcast interview",
    "Instagram",
)

#: Who a client names as their emergency contact.
EMERGENCY_RELATIONS: tuple[str, ...] = (
    "partner",
    "sister",
    "brother",
    "friend",
    "mother",
    "father",
)
