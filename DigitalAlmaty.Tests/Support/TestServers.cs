using System.Globalization;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// The real servers that <c>./test.sh</c> starts for the tests. Tests that need them fail (never
/// skip) with a clear message when they are not there.
/// </summary>
public static class TestServers
{
    /// <summary>An Npgsql connection string for a role that may create and drop databases.</summary>
    public static string PostgresConnectionString => Require("DA_TEST_POSTGRES");

    /// <summary>A StackExchange.Redis endpoint, e.g. <c>127.0.0.1:6390</c>.</summary>
    public static string Redis => Require("DA_TEST_REDIS");

    public static string SmtpHost => Require("DA_TEST_SMTP_HOST");

    public static int SmtpPort
    {
        get
        {
            var raw = Require("DA_TEST_SMTP_PORT");
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? port
                : throw new InvalidOperationException($"DA_TEST_SMTP_PORT is '{raw}', not a port number.");
        }
    }

    /// <summary>The Maildir the test SMTP server delivers into (messages appear in <c>new/</c>).</summary>
    public static string SmtpMaildir => Require("DA_TEST_SMTP_MAILDIR");

    public static string Chromium => Require("DA_TEST_CHROMIUM");

    private static string Require(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{name} is not set: run ./test.sh, which starts PostgreSQL/Redis/SMTP for the tests.")
            : value;
    }
}
