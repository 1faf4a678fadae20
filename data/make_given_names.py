"""Build data/given_names.tsv from Faker's per-locale first-name lists (MIT licence).

Run once at development time (Faker is NOT a runtime dependency; the filter word list is Debian's
wamerican package, /usr/share/dict/american-english):
    pip download --no-deps faker==40.54.0 && unzip faker-40.54.0-py3-none-any.whl -d /tmp/faker
    python data/make_given_names.py /tmp/faker data/given_names.tsv
"""
import importlib
import os
import re
import sys
import unicodedata

FAKER_DIR, OUT = sys.argv[1], sys.argv[2]
sys.path.insert(0, FAKER_DIR)
import faker  # noqa: E402
import faker.providers.person as person  # noqa: E402
import stopwordsiso  # noqa: E402

# the "en" locale is the full US baby-name list (6,800 names incl. "Ab", "Page", "Royal"): from it only
# names that are not lower-case English words (Debian's wamerican word list) and not only one of them
WORDS_FILE = "/usr/share/dict/american-english"
ENGLISH_WORDS = {w.strip() for w in open(WORDS_FILE, encoding="utf-8") if w[:1].islower()}
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’-]+$")
CYRILLIC = re.compile(r"^[Ѐ-ӿ'’-]+$")
# given names that are ordinary capitalised words, places or titles in the languages covered
EXCLUDE = set("""
    may will mark rose grace hope art page major king prince princess queen royal general gay guy son
    sunday monday january april june august september october november december summer winter autumn
    china india georgia jordan israel paris florence victoria sydney austin lincoln virginia carolina dakota
    chelsea madison brooklyn kent devon asia america africa europa roma milano venezia lorraine savoy
    santa san mercedes christians democrat democrats republican liberty justice
    angel angels holly ivy iris lily daisy olive violet jasmine amber ruby pearl crystal dawn joy faith
    rain storm sky star sun moon river ocean sea bay glen dale heath cliff rock stone
    brandy chance cash chase dean deacon earl duke baron bishop pastor pope sheriff judge marshall
    mayor doctor carter cooper taylor tyler mason hunter fisher baker
    nova nato europe russia ukraine france germany italy poland english french german
    premier president minister chancellor senator
    ali   ben  bin  al  el  de  la  le  van  von  da  di
    aurora ada era vera nadia mar easter christmas london york florida dallas houston boston denver phoenix
    orlando jersey chester camden sydney melbourne dublin cairo rio lima
""".split())


def faker_places():
    """Country, state, region and city names of every Faker address locale."""
    import faker.providers.address as address
    places = set()
    for locale in sorted(d for d in os.listdir(os.path.dirname(address.__file__)) if not d.startswith("_")):
        module = importlib.import_module(f"faker.providers.address.{locale}")
        for cls in module.Provider.__mro__:
            for key, value in cls.__dict__.items():
                if "format" in key or "suffix" in key or "prefix" in key or not any(
                        w in key for w in ("cit", "state", "countr", "province", "region", "town", "place")):
                    continue
                if isinstance(value, dict):
                    value = [*value.keys(), *value.values()]
                if isinstance(value, (list, tuple)):
                    places |= {v for v in value if isinstance(v, str)}
    return places
# frequent names missing from Faker's lists (East Slavic forms in Cyrillic, English short forms)
HAND_ADDITIONS = """
    Олексій Олександр Євгеній Євген Дмитро Юрій Андрій Сергій Михайло Петро Віталій Віктор Ігор Арсеній Денис
    Даниил Данило Кирилл Кирило Геннадий Геннадій Вячеслав Святослав Ярослав Валерий Валерій Рамзан Артём Артем
    Алексей Аркадий Григорий Матвей Никита Эдуард Эльвира Ирина Ірина Людмила Наталья Наталія Ольга Юлия Юлія
    Bill Bob Tom Joe Mike Dick Ted Jim Rick Tony Allen Jeff Steve Ken Pete Nick Rob Matt Ron Dan Sam Ben
    Greg Chuck Hank Nancy Kamala Rishi Boris Liz Keir Paweł Michał Jen Priti Sajid Nadhim Kemi Alexey Alexei Alexej
    Małgorzata Czesław Grażyna Bożena Wiesław Wiesława Zdzisław Bolesław Władysław Władysława Lech Sławomir
    Zuzanna Bartłomiej Bartosz Sylwester Oliwia Lucyna Ludwik Łucja Lesław Stanisława Kazimiera Bogumiła
    Mirosława Jarosława Radosława Bronisława Zbigniewa Ryszarda Rustem Рустем Ségolène
    Джо Джон Джек Джейк Джим Джеймс Джозеф Джордж Джорджия Джастин Джейсон Джилл Джеффри Джейн Джессика Джулия
    Майкл Майк Питер Дэвид Дейвид Уильям Чарльз Рей Рэй Аллен Ален Стивен Стив Энтони Дональд Хиллари Нэнси
    Ллойд Камала Генри Мелания Иванка Мэттью Кристофер Брайан Скотт Эндрю Гордон Дэниел Даниэль Кевин Тони Тим Том
    Билл Боб Барак Рональд Мэри Сара Эмили Элизабет Кэтрин Маргарет Риши Лиз Кир Найджел Эммануэль Эмманюэль
    Франсуа Жан Пьер Мишель Шарль Тьерри Марин Николя Эдуар Жерар Жозеп Жозе Хосе Луис Карлос Педро Хуан Мигель
    Сильвио Маттео Джузеппе Луиджи Паоло Энрико Джанни Юрген Вольфганг Ханс Клаус Петер Михаэль Олаф Урсула
    Анналена Фридрих Герхард Хельмут Хорст Кристиан Себастьян Доминик Реджеп Мевлют Кемаль Ахмед Мухаммед Мохаммед
    Мустафа Хамад Салман Биньямин Беньямин Нафтали Яир Ицхак Шимон Хасан Хосни Башар Абдель Абдулла Нурсултан
    Ильхам Зоран Милорад Алексис Янис
""".split()
# foreign given names in their usual Russian/Ukrainian transcription (Faker's ru_RU/uk_UA lists hold only
# native names), by origin: English, Italian, Spanish/Portuguese, French, German/Dutch/Nordic/Baltic, Polish/Czech/
# South Slavic/Hungarian/Romanian/Caucasus/Central Asian, Turkish/Arabic/Persian/Hebrew, Indian/Pakistani, Japanese,
# Korean and Chinese family names (written first: "Ли Цян"), other European. Left out: common words or places
# ("Весна", "Марта", "Франс[-Пресс]"), case forms of Russian names ("Петра", "Ивана", "Николае", "Андреа": Андрее),
# names whose romanisation is a frequent Latin-script word ("Шон": schon, "Дэн": den, "Ван": van, "Новак": Nowak)
FOREIGN_IN_CYRILLIC = """
    Анджелина Брэд Илон Эмма Кейт Леонардо Джонни Джоди Хью Бен Мэтт Кэти Элтон Ринго Мик Дженнифер Меган Гарри
    Энн Эдвард Ричард Роберт Патрик Райан Джош Итан Лиам Оливер Джейкоб Брэндон Хантер Эшли Митч Рон Вивек Никки
    Тулси Джанет Джей Линдси Тед Марджори Кэрин Кристи Алекс Дэнни Сэм Джефф Уоррен Сатья Сундар Ларри Рид
    Кимбал Эрик Кэролайн Эд Суэлла Прити Джереми Скарлетт Натали Мэрил Дензел Уилл Шэрон Киану Арнольд Тейлор
    Бритни Селена Ариана Билли Опра Кендалл Кайли Пэрис Квентин Крис Джошуа Бенедикт Киллиан Дуэйн Эдди Джеки
    Брюс Чак Майли Йоко Фредди Курт Джими Элвис Фрэнк Лионель Криштиану Килиан Эрлинг Зинедин Серена Винус
    Роджер Рафаэль Энди Янник Стефанос Каспер Хольгер Коко Усэйн Льюис Макс Кими Леброн Коби Стефен Шакил Флойд
    Конор Хабиб Златан Харри Джуд Фил Маркус Рахим Мохамед Садио Антуан Карим Гарет Уэйн Пеп Ромелу Эден Тибо
    Вирджил Томас Мэтью Томми Джимми Ханна Рэйчел Ребекка Стэнли Гэвин Кайл Трейси Ванесса Кимберли Эмбер Кортни
    Сьюзан Дебора Кэрол Шерил Линда Бетти Джоан Дороти Фрэнсис Мелинда Хелен Дорис Малкольм Джордан Джонатан
    Дэниэл Дуглас Хизер Лаура Стюарт Бенджамин Гэри Джерри Терри Джесси Кори Мэдлин Кондолиза Колин Ральф
    Джерард Клинт
    Марио Серджо Джанкарло Антонио Франческо Роберто Альберто Массимо Фабио Лоренцо Витторио Романо Беппе
    Джорджо Сандро Карло Стефано Алессандро Джулио Уго Умберто Федерико Лучано Адриано Валентино Джанлуиджи
    Франческа Кьяра Элли Джорджа Игнацио Гвидо Раффаэле Пьерлуиджи Пьерфердинандо Томмазо Доменико Винченцо Чиро
    Дарио Фабрицио Мауро Микеле Риккардо Коррадо Орнелла Моника Барбара Сильвия Паола Лучия Антонелла Джованни
    Пьетро Бенедетто Бенито
    Мануэль Франсиско Фелипе Хавьер Фернандо Габриэль Хорхе Диего Жаир Дилма Николас Эво Рауль Фидель Густаво
    Андрес Клаудия Мариано Пабло Хосеп Карлес Иньиго Альфонсо Энрике Серхио Алехандро Эрнесто Рикардо Эдуардо
    Марсело Жуан Жоао Антониу Марселу Паулу Инасиу Леопольдо Маурисио Летисия Исабель Летиция Рохелио Алваро
    Альваро Хулио Хулиан Лусия Карлота Лула Гильермо Рамон Висенте Сесар
    Франсуаза Лоран Бруно Брижит Катрин Мари Сеголен Валери Ив Кристоф Жюльен Людовик Флоран Венсан Жиль Жорж
    Рене Бертран Бенуа Матье Фабьен Седрик Ксавье Жорди Ролан Изабель Клеман Гийом Ришар Анри Эрве Дидье Жан-Люк
    Жан-Пьер Жан-Ив Жан-Марк Жан-Клод Жан-Мари Жан-Поль Жан-Ноэль Ноэль Реми Каролин Аньес Жюльет Рашида
    Себастьен Бернар Бернадетт
    Штефан Андреас Норберт Хайко Кристине Свенья Зигмар Винфрид Йоахим Аннегрет Катарина Бодо Гюнтер Хайнц
    Хельга Рольф Райнер Дитер Уве Йенс Ларс Свен Торстен Ханнес Гельмут Эрих Вилли Тино Алис Бернд Детлеф
    Фолькер Волкер Кай Лотар Хуберт Йозеф Йошка Карстен Штеффи Александер Херберт Герт Виллем Вопке Эрна Йонас
    Магдалена Ульф Саули Санна Петтери Метте Расмус Кая Эдгарс Гитанас Ингрида Кришьянис Карин Алар Андрус
    Кристалина Вальтер Вернер Франк-Вальтер Ханс-Георг Хайнрих Генрих Аннетте Мануэла Ирмгард Ангела Манфред
    Тобиас Якоб Лукас Паскаль Сандра Ренате Маргрете Хокон Харальд Кьелль Стуре Ингвар Урхо Мауно Тарья Микаэль
    Фредрик Гертруда
    Анджей Ежи Матеуш Збигнев Лех Беата Мариуш Рафал Кшиштоф Томаш Войцех Гжегож Радослав Мацей Марек Лешек
    Рышард Влодзимеж Яцек Кароль Славомир Малгожата Агнешка Эльжбета Катажина Йоанна Дорота Уршуля Гражина
    Веслав Здислав Казимеж Тадеуш Юзеф Витольд Кинга Ева Ян Милош Мирек Иржи Бохуслав Зузана Александар Ивица
    Драган Слободан Воислав Колинда Горан Душан Небойша Мирко Деян Предраг Желько Томислав Бойко Румен Росен
    Кирил Пламен Каталин Янош Ласло Золтан Шандор Иштван Балаж Ференц Дьюла Габор Имре Тамаш Марчел Михай
    Виорика Траян Кэлин Саломе Бидзина Гия Нино Мамука Кахабер Зураб Никол Серж Ашот Тигран Ваан Левон Арам
    Гагик Вазген Самвел Мехрибан Гейдар Джейхун Эльмар Хикмет Касым-Жомарт Шавкат Эмомали Сапармурат Гурбангулы
    Сердар Садыр Алмазбек Сооронбай Курманбек Аскар Серик Магомед Муса Витаутас Урмас Андрюс Раймондс Эгилс
    Вайра Валдис Биляна Эди Эдита
    Тайип Хакан Ахмет Мехмет Бинали Экрем Али Ибрахим Нуман Хулуси Девлет Сулейман Омер Мурат Бюлент Фатих
    Тургут Мерал Эмине Ахмад Махмуд Ибрагим Масуд Мохаммад Хосейн Аббас Джавад Касем Наим Исмаил Яхья Халед
    Мухаммад Абдул Муаммар Саддам Хафез Наджиб Рафик Саад Фейсал Абдулазиз Тамим Абдалла Джасим Файез Кайс
    Абдельмаджид Айман Усама Ясир Ясер Марван Амир Эбрахим Мохсен Хамид Реза Рухолла Йоав Бени Авигдор Ариэль
    Эхуд Моше Ави Голда Гади Итамар Бецалель Йоси Реувен Исаак Гилад Хагай Маджид Набих Нури Фуад Юсеф Юсуф Азиз
    Мурад Зейнаб Лейла Фатима Рания Айша Тарик Валид Абдулхамид Мухаммадреза Бабак Махди Джафар Мансур
    Нарендра Раджнатх Амит Субраманьям Рахул Соня Индира Раджив Манмохан Пиюш Нирмала Мукеш Гаутам Ратан Шахрукх
    Аамир Амитабх Вират Сачин Приянка Ашвини Драупади Арвинд Мамата Шехбаз Наваз Имран Асиф Билавал Беназир
    Первез Хасина Готабая Махинда Анура Аджит Пранаб Атал Джавахарлал Махатма Санджай Раджеш Анил Сунил Винод
    Дипика Айшвария Рави Виджай Сония Акшай Ранвир Амрита Нитин Сушма
    Фумио Синдзо Сигэру Ёсихидэ Сэйко Юрико Таро Ёко Харуки Хаяо Акира Такэси Кэйдзо Дзюнъитиро Нобуо Хирокадзу
    Ёсимаса Ёсихико Наото Юкио Ёсиро Санаэ Ёсико Кэн Кэндзи Кадзуо Сёхэй Нарухито Акихито Масако Тосимицу Ли Мун
    Юн Пак Чхве Чон Чжао Хуа Цинь Мао Цзян Чжу Чэнь Лю Цай Чжоу Рюити Синтаро Кацуя Кэйко Юки
    Ана Лола Клара Эльза Беатрис Ингрид Грета Сигрид Астрид Нильс Улоф Мортен Андерс
""".split()
KEEP_SHORT = {"ed", "al", "jo", "xi", "li", "bo", "ry"}


def first_names(locale):
    module = importlib.import_module(f"faker.providers.person.{locale}")
    names = set()
    for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
        value = None
        for cls in module.Provider.__mro__:
            if attr in cls.__dict__:
                value = cls.__dict__[attr]
                break
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, (list, tuple, set)):
            names |= {v for v in value if isinstance(v, str)}
    return names


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


stop = set()
for lang in ("en", "it", "fr", "de", "pl", "ru", "uk", "es", "pt", "nl"):
    stop |= {strip_accents(w.lower()) for w in stopwordsiso.stopwords(lang)}

PLACES = faker_places()
names = {}
locales = sorted(d for d in os.listdir(os.path.dirname(person.__file__)) if not d.startswith("_"))
for locale in locales:
    for name in first_names(locale):
        if locale == "en" and (name.lower() in ENGLISH_WORDS or name in PLACES):
            continue
        name = name.strip()
        if " " in name or not (LATIN.match(name) or CYRILLIC.match(name)):
            continue
        key = strip_accents(name.lower())
        if key in EXCLUDE or key in stop or (len(key) < 3 and key not in KEEP_SHORT):
            continue
        if not name[0].isupper():
            continue
        names.setdefault(name, set()).add(locale)

for name in HAND_ADDITIONS + FOREIGN_IN_CYRILLIC:
    names.setdefault(name, set()).add("hand")

with open(OUT, "w", encoding="utf-8") as out:
    out.write("# Given names for person-name recognition (analysis/names.py).\n")
    out.write(f"# Source: Faker {faker.VERSION} (MIT licence, https://pypi.org/project/Faker/), "
              "faker/providers/person/<locale>/__init__.py first-name lists of every locale; from 'en'\n")
    out.write("# (the US baby-name list) only names that are neither lower-case words of Debian's wamerican list nor\n")
    out.write("# place names of Faker's address lists; Latin and Cyrillic script only; names of 1-2 letters, stopwords of ten\n")
    out.write("# languages (stopwordsiso) and a hand list of words/places/titles removed;\n")
    out.write("# a few frequent names added by hand (locale 'hand'). Built once with\n")
    out.write("# data/make_given_names.py; Faker is not needed at run time. Columns: name, locales (Faker).\n")
    out.write("name\tlocales\n")
    for name in sorted(names):
        out.write(f"{name}\t{','.join(sorted(names[name]))}\n")
print(len(names))
