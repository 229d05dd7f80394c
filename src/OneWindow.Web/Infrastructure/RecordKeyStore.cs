using OneWindow.Domain.Records;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Where the record keys live: never in the database. Keys come from configuration (<c>RecordKeys:Keys:{id}</c>,
/// base64, for a secret store or systemd credentials) and from the files <c>{id}.key</c> in the folder
/// <c>RecordKeys:Path</c> (default <c>data/record-keys</c> under the content root). The current key is
/// <c>RecordKeys:Current</c>, else the id in the folder's <c>current</c> file, else the only key. A fresh install
/// with no key makes one in the folder at its first start (<see cref="RecordKeyCheck"/>); ADR 0017. The folder is
/// made readable by the app's user only (0700) and each key file is created 0600, never opened wider first.
/// </summary>
public sealed class RecordKeyStore(IConfiguration configuration, IHostEnvironment environment, TimeProvider? clock = null)
{
    /// <summary>
    /// The marker, in the key folder, of the upgrade's one-time sealing of records written before keys: made with the
    /// install's first key, removed when the step is done. Outside the database, so that a writer to the database
    /// cannot ask for the step again.
    /// </summary>
    public const string LegacySealingMarker = "seal-legacy-records.pending";

    /// <summary>How often, at most, the folder is read again for a key id this instance does not know yet (another instance's rotation).</summary>
    public static readonly TimeSpan RereadInterval = TimeSpan.FromSeconds(10);

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode KeyFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private RecordKeyRing? _ring;
    private DateTimeOffset _lastReread = DateTimeOffset.MinValue;

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
        CreateFolder();
        using var _ = new FileStream(Path.Combine(Folder, LegacySealingMarker), PrivateFile(FileMode.OpenOrCreate));
    }

    /// <summary>The upgrade's sealing is done: never again on this install.</summary>
    public void LegacySealingDone() => File.Delete(Path.Combine(Folder, LegacySealingMarker));

    /// <summary>Makes a new key in the folder and makes it the current one (a fresh install, or a rotation); returns its id.</summary>
    public string Generate(TimeProvider clock)
    {
        lock (_lock)
        {
            CreateFolder();
            var id = $"k{clock.GetUtcNow():yyyyMMdd}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
            var file = Path.Combine(Folder, id + ".key");
            // Created with its final mode: there is no moment when the key is readable by others.
            using (var stream = new FileStream(file, PrivateFile(FileMode.CreateNew)))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Convert.ToBase64String(RecordKeyRing.NewKey()));
            }
            File.WriteAllText(Path.Combine(Folder, "current"), id);
            _ring = Load();
            return id;
        }
    }

    /// <summary>The folder, made (if missing) readable and writable by the app's user only.</summary>
    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, FolderMode);
        }
    }

    private static FileStreamOptions PrivateFile(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = KeyFileMode;
        }
        return options;
    }

    /// <summary>
    /// A key this instance did not have when it read the folder: during a rolling rotation another instance may
    /// already seal with a key copied here since. The folder (and configuration) is read again, at most once per
    /// <see cref="RereadInterval"/>, before a record sealed with it is called unverifiable.
    /// </summary>
    private RecordKeyRing? FindMissing(string keyId)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (now - _lastReread < RereadInterval)
            {
                return null;
            }
            _lastReread = now;
            try
            {
                // Only the keys are wanted: which one is current here does not change until the next start.
                var keys = ReadKeys(out _);
                return keys.ContainsKey(keyId) ? new RecordKeyRing(keys, keyId) : null;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
            {
                return null; // a key file caught half-written: the next try reads it again
            }
        }
    }

    private RecordKeyRing? Load()
    {
        var keys = ReadKeys(out var currentInFolder);
        if (keys.Count == 0)
        {
            return null;
        }
        var current = configuration["RecordKeys:Current"] is { Length: > 0 } configured ? configured
            : currentInFolder is { Length: > 0 } ? currentInFolder
            : keys.Count == 1 ? keys.Keys.Single()
            : throw new InvalidOperationException("Several record keys and none named current: set RecordKeys:Current or the folder's current file.");
        return new RecordKeyRing(keys, current, FindMissing);
    }

    /// <summary>The keys of configuration and of the folder, and the id the folder's <c>current</c> file names.</summary>
    private Dictionary<string, byte[]> ReadKeys(out string? currentInFolder)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection("RecordKeys:Keys").GetChildren())
        {
            keys[entry.Key] = Decode(entry.Value, "RecordKeys:Keys:" + entry.Key);
        }
        currentInFolder = null;
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*.key"))
            {
                keys.TryAdd(Path.GetFileNameWithoutExtension(file), Decode(File.ReadAllText(file).Trim(), file));
            }
            var marker = Path.Combine(Folder, "current");
            currentInFolder = File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
        }
        return keys;
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
