using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Web.Features.Demo;

/// <summary>Demo ideas and events, written for this portal, in its three languages.</summary>
internal static class DemoContent
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
