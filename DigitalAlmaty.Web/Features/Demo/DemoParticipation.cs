using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Demo;

/// <summary>
/// The demo's residents taking part: supports on the published ideas (a different count on each, so
/// "most supported" sorts visibly), a follower, and the city's answers at several steps.
/// </summary>
internal static class DemoParticipation
{
    /// <summary>Residents who only support ideas (no password: they cannot sign in).</summary>
    public static readonly (string Email, string Name, string Culture)[] Supporters =
    [
        ("marat@demo.digital-almaty.local", "Марат Жумабеков", "ru-RU"),
        ("saule@demo.digital-almaty.local", "Сәуле Ахметова", "kk-KZ"),
        ("olga@demo.digital-almaty.local", "Ольга Ли", "ru-RU"),
        ("yerlan@demo.digital-almaty.local", "Ерлан Нұрланұлы", "kk-KZ"),
        ("timur@demo.digital-almaty.local", "Тимур Каримов", "ru-RU"),
        ("dana@demo.digital-almaty.local", "Дана Оспанова", "kk-KZ"),
    ];

    private static readonly (CityStatus Status, string Ru, string Kk, string En, int Days)[][] Answers =
    [
        [
            (CityStatus.UnderConsideration, "Управление изучает идею вместе с акиматами районов. Ответ по существу дадим в течение месяца.",
                "Басқарма идеяны аудан әкімдіктерімен бірге зерделеп жатыр. Мәні бойынша жауапты бір ай ішінде береміз.",
                "The department is studying the idea with the district akimats. A full answer will follow within a month.", 10),
            (CityStatus.Accepted, "Идея принята: она войдёт в план цифровизации на следующий год, пилот начнём в Бостандыкском районе.",
                "Идея қабылданды: ол келесі жылғы цифрландыру жоспарына енеді, пилотты Бостандық ауданында бастаймыз.",
                "Accepted: the idea goes into next year's digitalization plan, with a pilot in Bostandyk district.", 3),
        ],
        [
            (CityStatus.Accepted, "Идея принята, подрядчик выбран, работы начнутся в следующем квартале.",
                "Идея қабылданды, мердігер таңдалды, жұмыс келесі тоқсанда басталады.",
                "Accepted; a contractor has been chosen and work starts next quarter.", 12),
            (CityStatus.InProgress, "Работы идут: первая очередь будет доступна жителям весной.",
                "Жұмыс жүріп жатыр: бірінші кезек көктемде тұрғындарға қолжетімді болады.",
                "Work is under way: the first stage opens to residents in spring.", 4),
        ],
        [
            (CityStatus.Declined, "Спасибо за идею. Такой сервис уже работает на портале eGov, поэтому отдельная разработка городу не нужна.",
                "Идея үшін рахмет. Мұндай қызмет eGov порталында жұмыс істеп тұр, сондықтан қалаға бөлек әзірлеу қажет емес.",
                "Thank you for the idea. This service already exists on the eGov portal, so the city will not build its own.", 5),
        ],
    ];

    private static readonly (int Idea, int Resident, int? ReplyTo, string Text, double HoursAgo)[] Comments =
    [
        (0, 3, null, "Очень нужно! Каждый вечер у **Зелёного базара** кружу по 15 минут.", 70),
        (0, 5, 0, "Поддерживаю. Ещё бы показывать места для людей с инвалидностью.", 52),
        (0, 4, null, "Датчиктер қыста қар астында жұмыс істей ме? Осыны ескеру керек.", 30),
        (1, 6, null, "Хорошо бы сразу предусмотреть открытые данные о занятости — пригодится исследователям.", 20),
        (1, 7, 3, "Согласна, и выгрузку в CSV.", 12),
    ];

    private static void AddComments(PortalDbContext db, IReadOnlyList<Guid> ideas, IReadOnlyList<PortalUser> residents, DateTimeOffset now)
    {
        var added = new List<Comment>();
        foreach (var (idea, resident, replyTo, text, hoursAgo) in Comments)
        {
            if (idea >= ideas.Count || resident >= residents.Count)
            {
                continue;
            }

            var comment = new Comment
            {
                Id = Guid.NewGuid(),
                SubmissionId = ideas[idea],
                ParentId = replyTo is { } parent && parent < added.Count ? added[parent].Id : null,
                AuthorId = residents[resident].Id,
                Text = text,
                CreatedAt = now.AddHours(-hoursAgo),
                State = CommentState.Visible,
            };
            added.Add(comment);
            db.Comments.Add(comment);
        }
    }

    public static async Task SeedAsync(PortalDbContext db, IReadOnlyList<Guid> publishedIdeas, IReadOnlyList<PortalUser> residents, string staffId, DateTimeOffset now)
    {
        for (var i = 0; i < publishedIdeas.Count; i++)
        {
            var ideaId = publishedIdeas[i];
            var author = await db.Ideas.Where(x => x.Id == ideaId).Select(x => x.AuthorId).SingleAsync();
            // Fewer supports on each later idea: the newest list and the most-supported list differ.
            var count = Math.Max(0, residents.Count - 1 - i);
            foreach (var resident in residents.Where(r => r.Id != author).Take(count))
            {
                db.IdeaSupports.Add(new IdeaSupport { IdeaId = ideaId, UserId = resident.Id, CreatedAt = now.AddDays(-(i % 5)).AddHours(-count) });
            }

            if (i < Answers.Length)
            {
                foreach (var (status, ru, kk, en, days) in Answers[i])
                {
                    db.CityAnswers.Add(new CityAnswer { IdeaId = ideaId, Status = status, TextRu = ru, TextKk = kk, TextEn = en, AnsweredAt = now.AddDays(-days), AuthorId = staffId });
                }
            }
        }

        AddComments(db, publishedIdeas, residents, now);
        if (publishedIdeas.Count > 0)
        {
            db.Follows.Add(new Follow { SubmissionId = publishedIdeas[0], UserId = residents[^1].Id, CreatedAt = now.AddDays(-2) });
        }

        await db.SaveChangesAsync();
        await db.Ideas.Where(i => publishedIdeas.Contains(i.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.SupportCount, i => db.IdeaSupports.Count(s => s.IdeaId == i.Id)));
        for (var i = 0; i < Math.Min(Answers.Length, publishedIdeas.Count); i++)
        {
            var id = publishedIdeas[i];
            var status = Answers[i][^1].Status;
            await db.Ideas.Where(x => x.Id == id).ExecuteUpdateAsync(set => set.SetProperty(x => x.CityStatus, status));
        }
    }
}
