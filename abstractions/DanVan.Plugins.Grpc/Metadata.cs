using System.Collections;
using System.Text;

namespace DanVan.Plugins.Grpc;

/// <summary>
/// Call metadata: request headers, response headers or trailers. Keys are lower-case ASCII;
/// keys ending in <c>-bin</c> carry binary values (base64 on the wire), the others printable ASCII.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary-valued key.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new(readOnly: true);

    private readonly List<Entry> _entries = [];
    private readonly bool _readOnly;

    /// <summary>Creates an empty metadata collection.</summary>
    public Metadata()
    {
    }

    private Metadata(bool readOnly) => _readOnly = readOnly;

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public bool IsReadOnly => _readOnly;

    /// <inheritdoc />
    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            EnsureWritable();
            ArgumentNullException.ThrowIfNull(value);
            _entries[index] = value;
        }
    }

    /// <summary>Adds an ASCII-valued entry.</summary>
    public Metadata Add(string key, string value)
    {
        Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds a binary-valued entry; the key must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] valueBytes)
    {
        Add(new Entry(key, valueBytes));
        return this;
    }

    /// <summary>The last entry with the key, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The string value of the last entry with the key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The binary value of the last entry with the key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Every entry with the key, in order.</summary>
    public IEnumerable<Entry> GetAll(string key) =>
        _entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public void Add(Entry item)
    {
        EnsureWritable();
        ArgumentNullException.ThrowIfNull(item);
        _entries.Add(item);
    }

    /// <inheritdoc />
    public void Clear()
    {
        EnsureWritable();
        _entries.Clear();
    }

    /// <inheritdoc />
    public bool Contains(Entry item) => _entries.Contains(item);

    /// <inheritdoc />
    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc />
    public int IndexOf(Entry item) => _entries.IndexOf(item);

    /// <inheritdoc />
    public void Insert(int index, Entry item)
    {
        EnsureWritable();
        ArgumentNullException.ThrowIfNull(item);
        _entries.Insert(index, item);
    }

    /// <inheritdoc />
    public bool Remove(Entry item)
    {
        EnsureWritable();
        return _entries.Remove(item);
    }

    /// <inheritdoc />
    public void RemoveAt(int index)
    {
        EnsureWritable();
        _entries.RemoveAt(index);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void EnsureWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("This metadata is read-only.");
        }
    }

    /// <summary>One key and its value.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Creates an ASCII-valued entry.</summary>
        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            ArgumentNullException.ThrowIfNull(value);
            if (IsBinary)
            {
                throw new ArgumentException($"Key '{Key}' ends in -bin and needs a binary value.", nameof(key));
            }

            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw new ArgumentException($"The value of '{Key}' must be printable ASCII; use a '-bin' key for other bytes.", nameof(value));
                }
            }

            _value = value;
        }

        /// <summary>Creates a binary-valued entry; the key must end in <c>-bin</c>.</summary>
        public Entry(string key, byte[] valueBytes)
        {
            Key = NormalizeKey(key);
            ArgumentNullException.ThrowIfNull(valueBytes);
            if (!IsBinary)
            {
                throw new ArgumentException($"Key '{Key}' must end in -bin to carry a binary value.", nameof(key));
            }

            _valueBytes = valueBytes;
        }

        /// <summary>The lower-case key.</summary>
        public string Key { get; }

        /// <summary>True for <c>-bin</c> keys.</summary>
        public bool IsBinary => Key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        /// <summary>The ASCII value; throws for a binary entry.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"'{Key}' is binary; use ValueBytes.");

        /// <summary>The binary value (for an ASCII entry, its ASCII bytes).</summary>
        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        /// <inheritdoc />
        public override string ToString() =>
            IsBinary ? $"{Key}: [{_valueBytes!.Length} bytes]" : $"{Key}: {_value}";

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
                {
                    throw new ArgumentException($"Metadata key '{key}' may contain only a-z, 0-9, '-', '_' and '.'.", nameof(key));
                }
            }

            return lower;
        }
    }
}
