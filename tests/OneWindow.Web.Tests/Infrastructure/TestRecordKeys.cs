using OneWindow.Domain.Records;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// The record key every test host and test process seals with, given by configuration as an operator would with a
/// secret store; the key folder points nowhere, so a developer's own key never mixes in.
/// </summary>
public static class TestRecordKeys
{
    public const string Id = "test-key";

    public static readonly byte[] Key = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    public static RecordKeyRing Ring { get; } = new(new Dictionary<string, byte[]> { [Id] = Key }, Id);

    /// <summary>The settings, as configuration keys (":"), for a host in this process.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RecordKeys:Keys:" + Id] = Convert.ToBase64String(Key),
        ["RecordKeys:Current"] = Id,
        ["RecordKeys:Path"] = Path.Combine(Path.GetTempPath(), "onewindow-test-no-record-keys"),
    };

    /// <summary>The same settings as environment variables ("__") for an app process.</summary>
    public static void AddTo(IDictionary<string, string?> environment)
    {
        foreach (var (key, value) in Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }
}
