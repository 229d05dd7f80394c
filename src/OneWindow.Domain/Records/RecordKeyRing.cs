using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OneWindow.Domain.Records;

/// <summary>
/// The secret keys that seal records (HMAC-SHA256), by id. The current key seals new events; older keys stay to
/// verify what they sealed. The keys are held outside the database (files or configuration of the app's hosts), so
/// that someone who can write to the database cannot rewrite a record and seal it again (ADR 0017).
/// </summary>
public sealed partial class RecordKeyRing
{
    /// <summary>Bytes in a key: the size of HMAC-SHA256's output, the length RFC 2104 recommends.</summary>
    public const int KeyBytes = 32;

    // Replaced whole (never changed in place) when a key is found later, so that readers need no lock.
    private volatile Dictionary<string, byte[]> _keys;
    private readonly Func<string, RecordKeyRing?>? _reread;
    private readonly object _adopting = new();

    /// <param name="reread">
    /// Asked for the keys again when a record names a key id the ring lacks (another instance of a rolling rotation
    /// seals with a key copied to this host since it read its keys); its keys are then taken in. Null: never.
    /// </param>
    public RecordKeyRing(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, Func<string, RecordKeyRing?>? reread = null)
    {
        _reread = reread;
        foreach (var (id, key) in keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new ArgumentException($"A record key id is 1–40 lower-case letters, digits or hyphens: '{id}'.", nameof(keys));
            }
            if (key.Length < KeyBytes)
            {
                throw new ArgumentException($"The record key '{id}' has {key.Length} bytes; a key has at least {KeyBytes}.", nameof(keys));
            }
        }
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        if (!_keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current record key '{currentKeyId}' is not among the keys.", nameof(currentKeyId));
        }
        CurrentKeyId = currentKeyId;
    }

    /// <summary>The key that seals new events.</summary>
    public string CurrentKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public bool Knows(string? keyId)
    {
        if (keyId is null)
        {
            return false;
        }
        if (_keys.ContainsKey(keyId))
        {
            return true;
        }
        if (_reread?.Invoke(keyId) is not { } found || !found._keys.ContainsKey(keyId))
        {
            return false;
        }
        lock (_adopting)
        {
            var keys = new Dictionary<string, byte[]>(_keys, StringComparer.Ordinal);
            foreach (var (id, key) in found._keys)
            {
                keys.TryAdd(id, key);
            }
            _keys = keys;
        }
        return true;
    }

    /// <summary>The seal of a text under a key: HMAC-SHA256, lower-case hex.</summary>
    public string Seal(string keyId, string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_keys[keyId], Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="seal"/> is the seal of the text under the key, compared in constant time.</summary>
    public bool Verifies(string keyId, string text, string seal) =>
        Knows(keyId) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal(keyId, text)), Encoding.ASCII.GetBytes(seal));

    /// <summary>A new random key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public static bool IsValidKeyId(string id) => KeyIdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyIdPattern();
}
