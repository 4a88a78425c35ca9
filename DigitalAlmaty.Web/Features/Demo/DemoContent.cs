using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Web.Features.Demo;

/// <summary>Demo ideas, events and staff publications, written for this portal, in its three languages.</summary>
public static class DemoContent
{
    public static IReadOnlyList<IdeaContent> Ideas { get; } =
    [
        new(
            "Единая карта свободных парковок центра",
            "Датчики и камеры на городских парковках передают число свободных мест в открытый API и в навигаторы.",
            "transport",
            "Сократить время поиска парковки в центре Алматы и уменьшить число машин, которые кружат по кварталу.",
            "1. Установить датчики на 20 муниципальных парковках.\n2. Опубликовать данные в открытом API.\n3. Договориться с навигаторами о показе свободных мест.",
            "По оценкам, до трети машин в центре ищут парковку. Меньше кругов — меньше пробок и выхлопов на **Абая** и **Толе би**.",
            "Похожие системы работают в Сан-Франциско (SFpark) и Москве; в обоих городах время поиска места сократилось.",
            ["парковки", "открытые данные"]),
        new(
            "Мектеп асханаларының ашық мәзірі",
            "Қала мектептерінің асханаларындағы күнделікті мәзір мен құрамы бір сайтта жарияланады.",
            "education",
            "Ата-аналарға балалардың мектепте не жейтінін көруге мүмкіндік беру.",
            "- Мектептер мәзірді ортақ жүйеге енгізеді.\n- Мәзір сайтта және Telegram-ботта жарияланады.\n- Аллергендер белгіленеді.",
            "Ата-аналардың сенімі артады, тағамның сапасы ашық бақыланады.",
            "Астанада бірнеше мектеп мәзірді онлайн жариялайды; Таллинде бұл жалпы қалалық тәжірибе.",
            ["мектеп", "ашықтық"]),
        new(
            "Air quality sensors on every district akimat",
            "A network of low-cost air sensors on public buildings, with live readings on an open map.",
            "ecology",
            "Give residents reliable, street-level data on air pollution in each district of Almaty.",
            "Install 40 certified sensors, calibrate them against the reference stations, publish readings every 10 minutes through an open API.",
            "Parents and schools can plan outdoor activity; the city can see where smog gathers and act on it.",
            "Similar networks run in Krakow and in Bishkek, where public pressure led to stove replacement programmes.",
            ["air", "sensors", "open data"]),
        new(
            "Электронная очередь в поликлиники через eGov",
            "Запись к врачу и живая очередь в поликлиниках города в одном приложении.",
            "health",
            "Убрать очереди у регистратуры и дать пациенту точное время приёма.",
            "Интегрировать системы записи поликлиник, показывать очередь в реальном времени, присылать напоминания.",
            "Меньше времени в очереди для пожилых людей и родителей с детьми; врачи видят загрузку заранее.",
            "Такие сервисы работают в Казани и Ташкенте.",
            ["здоровье", "eGov"]),
        new(
            "Аялдамалардағы ақылды табло",
            "Автобус аялдамаларында келесі автобустың нақты уақытын көрсететін табло.",
            "smart-city",
            "Жолаушыларға автобустың қашан келетінін нақты білуге мүмкіндік беру.",
            "GPS деректерін біріктіру, 100 аялдамаға табло орнату, деректерді ашық API арқылы беру.",
            "Күту уақыты азаяды, қоғамдық көлікке сенім артады.",
            "Алматыда бірнеше аялдамада осындай табло бар; Сеулде бұл барлық аялдамаларда қолданылады.",
            ["көлік", "аялдама"]),
        new(
            "Open budget explorer for district projects",
            "An interactive site showing how each district spends its budget, project by project.",
            "open-data",
            "Make the city's district spending understandable to every resident.",
            "Publish budget lines as open data, build charts and a map, let residents comment on projects.",
            "More trust and better-targeted projects; journalists and researchers get reliable data.",
            "Open budget portals exist in Kyiv and Tbilisi and are used by local media every week.",
            ["budget", "transparency"]),
    ];

    public static IReadOnlyList<DemoPublication> Publications { get; } =
    [
        new(PublicationKind.News,
        [
            new("ru", "Портал «Цифровой Алматы» открыт для жителей",
                "Жители могут предлагать IT-идеи для города и анонсировать события; модераторы проверяют каждую заявку.",
                "Управление цифровизации открыло портал, на котором жители предлагают **IT-идеи** для Алматы и анонсируют городские IT-события.\n\nКаждая заявка проходит модерацию, а опубликованные идеи видны всем."),
            new("kk", "«Цифрлық Алматы» порталы тұрғындар үшін ашылды",
                "Тұрғындар қалаға арналған IT-идеяларды ұсына алады және іс-шараларды жариялай алады.",
                "Цифрландыру басқармасы тұрғындар Алматыға арналған **IT-идеяларды** ұсынатын және қалалық IT-іс-шараларды жариялайтын порталды ашты.\n\nӘр өтінім модерациядан өтеді."),
            new("en", "Digital Almaty portal opens to residents",
                "Residents can propose IT ideas for the city and announce events; moderators review every submission.",
                "The Digitalization Department has opened a portal where residents propose **IT ideas** for Almaty and announce city IT events.\n\nEvery submission is reviewed before it is published."),
        ], WithCover: true, DaysAgo: 2),
        new(PublicationKind.News,
        [
            new("ru", "Открытые данные о качестве воздуха доступны через API",
                "Показания городских станций мониторинга теперь публикуются каждые 10 минут.",
                "Данные городских станций мониторинга воздуха доступны в открытом API. Обновление — каждые 10 минут.\n\n- формат JSON\n- история за год\n- без регистрации"),
            new("kk", "Ауа сапасы туралы ашық деректер API арқылы қолжетімді",
                "Қалалық бақылау станцияларының көрсеткіштері енді әр 10 минут сайын жарияланады.",
                "Қалалық ауа бақылау станцияларының деректері ашық API арқылы қолжетімді. Жаңарту — әр 10 минут.\n\n- JSON форматы\n- бір жылдық тарих\n- тіркелусіз"),
            new("en", "Open air-quality data now available through an API",
                "Readings from the city's monitoring stations are published every 10 minutes.",
                "Data from the city's air monitoring stations is available through an open API, updated every 10 minutes.\n\n- JSON format\n- one year of history\n- no sign-up needed"),
        ], WithCover: true, DaysAgo: 6),
        new(PublicationKind.News,
        [
            new("ru", "Итоги приёма идей за первый месяц",
                "Жители предложили идеи о транспорте, экологии и образовании.",
                "За первый месяц жители предложили десятки идей. Больше всего — о **транспорте** и **экологии**.\n\nЛучшие идеи будут рассмотрены на рабочей группе управления."),
            new("kk", "Идеяларды қабылдаудың алғашқы айының қорытындысы",
                "Тұрғындар көлік, экология және білім беру туралы идеялар ұсынды.",
                "Алғашқы айда тұрғындар ондаған идея ұсынды. Ең көбі — **көлік** пен **экология** туралы.\n\nҮздік идеялар басқарманың жұмыс тобында қаралады."),
            new("en", "First month of ideas: a summary",
                "Residents proposed ideas on transport, ecology and education.",
                "In the first month residents proposed dozens of ideas, most of them about **transport** and **ecology**.\n\nThe best ideas will be discussed by the department's working group."),
        ], WithCover: false, DaysAgo: 12),
        new(PublicationKind.Report,
        [
            new("ru", "Отчёт о цифровизации городских услуг за 2025 год",
                "Сколько услуг перешло в онлайн, сколько обращений обработано и что запланировано на следующий год.",
                "## Главное\n\n- 140 городских услуг доступны онлайн\n- среднее время ответа сократилось вдвое\n\n## Планы\n\nПеревести в онлайн оставшиеся услуги районных акиматов."),
            new("kk", "2025 жылғы қалалық қызметтерді цифрландыру туралы есеп",
                "Қанша қызмет онлайнға көшті, қанша өтініш өңделді және келесі жылға не жоспарланды.",
                "## Негізгісі\n\n- 140 қалалық қызмет онлайн қолжетімді\n- жауап берудің орташа уақыты екі есе қысқарды\n\n## Жоспарлар\n\nАудандық әкімдіктердің қалған қызметтерін онлайнға көшіру."),
            new("en", "City services digitalization report 2025",
                "How many services moved online, how many requests were handled and what is planned next year.",
                "## Highlights\n\n- 140 city services are available online\n- the average response time was halved\n\n## Plans\n\nMove the remaining district akimat services online."),
        ], WithCover: true, DaysAgo: 20),
        new(PublicationKind.Project,
        [
            new("ru", "Единая городская платформа открытых данных",
                "Все наборы данных управлений города в одном каталоге с API и описаниями.",
                "Платформа собирает наборы данных городских управлений в одном каталоге.\n\n**Срок:** 2026 год.\n\n**Статус:** пилот с тремя управлениями."),
            new("kk", "Ашық деректердің бірыңғай қалалық платформасы",
                "Қала басқармаларының барлық деректер жиынтығы API және сипаттамалармен бір каталогта.",
                "Платформа қалалық басқармалардың деректер жиынтығын бір каталогқа жинайды.\n\n**Мерзімі:** 2026 жыл.\n\n**Күйі:** үш басқармамен пилот."),
            new("en", "A single city open-data platform",
                "Every city department's datasets in one catalogue, with an API and descriptions.",
                "The platform brings the city departments' datasets together in one catalogue.\n\n**Due:** 2026.\n\n**Status:** pilot with three departments."),
        ], WithCover: true, DaysAgo: 15),
        new(PublicationKind.Project,
        [
            new("ru", "Wi-Fi в общественном транспорте",
                "Бесплатный интернет в автобусах и метро Алматы.",
                "Проект подключает автобусы и станции метро к бесплатному Wi-Fi.\n\nПервая очередь — 300 автобусов."),
            new("kk", "Қоғамдық көліктегі Wi-Fi",
                "Алматы автобустары мен метросында тегін интернет.",
                "Жоба автобустар мен метро бекеттерін тегін Wi-Fi желісіне қосады.\n\nБірінші кезек — 300 автобус."),
            new("en", "Wi-Fi on public transport",
                "Free internet on Almaty's buses and metro.",
                "The project connects buses and metro stations to free Wi-Fi.\n\nFirst phase: 300 buses."),
        ], WithCover: false, DaysAgo: 30),
    ];

    public static IReadOnlyList<EventContent> Events(DateOnly today) =>
    [
        new(
            "Almaty Open Data Meetup",
            "Встреча разработчиков и аналитиков, которые работают с открытыми данными города. Короткие доклады и нетворкинг.",
            At(today.AddDays(9), 18),
            At(today.AddDays(9), 21),
            EventFormat.InPerson,
            "пр. Абая 10, IT-хаб, Алматы",
            string.Empty,
            "Сообщество Open Data Almaty",
            "https://example.kz/open-data-meetup",
            EventLanguages.Russian | EventLanguages.Kazakh,
            IsFree: true),
        new(
            "Жасанды интеллект мемлекеттік қызметте",
            "Мемлекеттік органдарда жасанды интеллектті қолдану тәжірибесі туралы онлайн-семинар.",
            At(today.AddDays(14), 15),
            At(today.AddDays(14), 17),
            EventFormat.Online,
            string.Empty,
            "https://meet.example.kz/ai-gov",
            "Цифрландыру басқармасы",
            string.Empty,
            EventLanguages.Kazakh | EventLanguages.Russian,
            IsFree: true),
        new(
            "Smart City Hackathon 2026",
            "A weekend hackathon on urban mobility and air quality, with mentors from the city's IT teams.",
            At(today.AddDays(21), 10),
            At(today.AddDays(22), 18),
            EventFormat.Hybrid,
            "Satbayev University, Almaty",
            "https://stream.example.kz/hackathon",
            "Almaty Tech Garden",
            "https://example.kz/hackathon",
            EventLanguages.English | EventLanguages.Russian,
            IsFree: true),
        new(
            "Курс по кибербезопасности для школьных учителей",
            "Практический курс: как объяснить детям безопасное поведение в сети.",
            At(today.AddDays(30), 11),
            At(today.AddDays(30), 16),
            EventFormat.InPerson,
            "ул. Жандосова 2, Алматы",
            string.Empty,
            "Центр цифровой грамотности",
            "https://example.kz/cyber-course",
            EventLanguages.Russian,
            IsFree: false),
    ];

    private static DateTimeOffset At(DateOnly day, int hour) => AlmatyTime.FromLocal(day.ToDateTime(new TimeOnly(hour, 0)));
}
