using OneWindow.Domain.Records;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Where the record keys live: never in the database. Keys come from configuration (<c>RecordKeys:Keys:{id}</c>,
/// base64, for a secret store or systemd credentials) and from the files <c>{id}.key</c> in the folder
/// <c>RecordKeys:Path</c> (default <c>data/record-keys</c> under the content root). The current key is
/// <c>RecordKeys:Current</c>, else the id in the folder's <c>current</c> file, else the only key. A fresh install
/// with no key makes one in the folder at its first start (<see cref="RecordKeyCheck"/>); ADR 0017.
/// </summary>
public sealed class RecordKeyStore(IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>
    /// The marker, in the key folder, of the upgrade's one-time sealing of records written before keys: made with the
    /// install's first key, removed when the step is done. Outside the database, so that a writer to the database
    /// cannot ask for the step again.
    /// </summary>
    public const string LegacySealingMarker = "seal-legacy-records.pending";

    private readonly object _lock = new();
    private RecordKeyRing? _ring;

    public string Folder => configuration["RecordKeys:Path"] is { Length: > 0 } path
        ? Path.GetFullPath(path, environment.ContentRootPath)
        : Path.Combine(environment.ContentRootPath, "data", "record-keys");

    /// <summary>Whether a missing key may be made at start (a fresh install); an operator who manages keys turns it off.</summary>
    public bool MayGenerate => configuration.GetValue("RecordKeys:Generate", true);

    /// <summary>The keys, read once; throws with what to do when there are none.</summary>
    public RecordKeyRing Ring
    {
        get
        {
            lock (_lock)
            {
                return _ring ??= Load() ?? throw new InvalidOperationException(
                    $"No record key: put a key file in {Folder} (the command new-record-key makes one) or set RecordKeys:Keys. See docs/deploy.md.");
            }
        }
    }

    public bool HasKeys
    {
        get
        {
            lock (_lock)
            {
                _ring ??= Load();
                return _ring is not null;
            }
        }
    }

    /// <summary>Whether the upgrade's sealing of records from before keys is still to be done (its marker is in the folder).</summary>
    public bool LegacySealingPending => File.Exists(Path.Combine(Folder, LegacySealingMarker));

    /// <summary>Leaves the marker that the upgrade's sealing is to be done: with the install's first key, before it is made.</summary>
    public void MarkLegacySealingPending()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, LegacySealingMarker), "");
    }

    /// <summary>The upgrade's sealing is done: never again on this install.</summary>
    public void LegacySealingDone() => File.Delete(Path.Combine(Folder, LegacySealingMarker));

    /// <summary>Makes a new key in the folder and makes it the current one (a fresh install, or a rotation); returns its id.</summary>
    public string Generate(TimeProvider clock)
    {
        lock (_lock)
        {
            Directory.CreateDirectory(Folder);
            var id = $"k{clock.GetUtcNow():yyyyMMdd}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
            var file = Path.Combine(Folder, id + ".key");
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Convert.ToBase64String(RecordKeyRing.NewKey()));
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.WriteAllText(Path.Combine(Folder, "current"), id);
            _ring = Load();
            return id;
        }
    }

    private RecordKeyRing? Load()
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection("RecordKeys:Keys").GetChildren())
        {
            keys[entry.Key] = Decode(entry.Value, "RecordKeys:Keys:" + entry.Key);
        }
        string? currentInFolder = null;
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*.key"))
            {
                keys.TryAdd(Path.GetFileNameWithoutExtension(file), Decode(File.ReadAllText(file).Trim(), file));
            }
            var marker = Path.Combine(Folder, "current");
            currentInFolder = File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
        }
        if (keys.Count == 0)
        {
            return null;
        }
        var current = configuration["RecordKeys:Current"] is { Length: > 0 } configured ? configured
            : currentInFolder is { Length: > 0 } ? currentInFolder
            : keys.Count == 1 ? keys.Keys.Single()
            : throw new InvalidOperationException("Several record keys and none named current: set RecordKeys:Current or the folder's current file.");
        return new RecordKeyRing(keys, current);
    }

    private static byte[] Decode(string? base64, string where)
    {
        try
        {
            return Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The record key in {where} is not base64.");
        }
    }
}
