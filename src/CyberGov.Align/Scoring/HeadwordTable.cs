using System.Runtime.CompilerServices;

namespace CyberGov.Align.Scoring;

/// <summary>
/// The headwords of a <see cref="BilingualLexicon"/> in flat arrays: one open-addressing hash table over headwords and
/// their proper prefixes (up to the match limit), each entry marked "is a headword" and "starts a longer headword", with
/// the English keys of all headwords in one array. Forward maximum matching then walks up through prefixes and stops
/// as soon as no longer headword can match, instead of trying every length down from the longest; loading allocates a
/// few arrays instead of a string and an array per headword. Immutable once built.
/// </summary>
internal sealed class HeadwordTable
{
    private const byte WordFlag = 1;
    private const byte LongerFlag = 2;

    private readonly char[] _chars;
    private readonly int[] _start;
    private readonly byte[] _length;
    private readonly byte[] _flags;
    private readonly int[] _keyStart;
    private readonly int[] _keyCount;
    private readonly int[] _keys;
    private readonly int[] _slots;
    private readonly int _mask;

    private HeadwordTable(char[] chars, int[] start, byte[] length, byte[] flags, int[] keyStart, int[] keyCount, int[] keys, int[] slots, int wordCount, int maxWordLength)
    {
        _chars = chars;
        _start = start;
        _length = length;
        _flags = flags;
        _keyStart = keyStart;
        _keyCount = keyCount;
        _keys = keys;
        _slots = slots;
        _mask = slots.Length - 1;
        WordCount = wordCount;
        MaxWordLength = maxWordLength;
    }

    /// <summary>Number of headwords.</summary>
    public int WordCount { get; }

    /// <summary>Length of the longest headword that can be matched (at most the builder's limit).</summary>
    public int MaxWordLength { get; }

    /// <summary>The entry of a headword or headword prefix, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > byte.MaxValue)
        {
            return -1;
        }

        for (int slot = (int)Hash(text) & _mask; ; slot = (slot + 1) & _mask)
        {
            int e = _slots[slot] - 1;
            if (e < 0)
            {
                return -1;
            }

            if (_length[e] == text.Length && _chars.AsSpan(_start[e], text.Length).SequenceEqual(text))
            {
                return e;
            }
        }
    }

    public bool IsWord(int entry) => (_flags[entry] & WordFlag) != 0;

    public bool HasLonger(int entry) => (_flags[entry] & LongerFlag) != 0;

    public ReadOnlySpan<int> KeysOf(int entry) => _keys.AsSpan(_keyStart[entry], _keyCount[entry]);

    /// <summary>FNV-1a over UTF-16 code units: fixed (not per process), so a table's layout never depends on the run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return h ^ (h >> 15);
    }

    /// <summary>Collects headwords and their keys, then adds the prefixes; the hash table is kept up to date as it goes.</summary>
    /// <param name="matchLimit">Longest headword forward matching tries.</param>
    /// <param name="capacity">Expected headwords (the arrays grow past it; the table keeps them as they are).</param>
    internal sealed class Builder(int matchLimit, int capacity)
    {
        private char[] _chars = new char[Math.Max(16, capacity * 3)];
        private int[] _start = new int[Math.Max(16, capacity * 3 / 2)];
        private byte[] _length = new byte[Math.Max(16, capacity * 3 / 2)];
        private byte[] _flags = new byte[Math.Max(16, capacity * 3 / 2)];
        private int[] _keyStart = new int[Math.Max(16, capacity * 3 / 2)];
        private int[] _keyCount = new int[Math.Max(16, capacity * 3 / 2)];
        private int[] _keys = new int[Math.Max(16, capacity * 3)];
        private int[] _slots = new int[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 3))];
        private int _charCount, _entryCount, _keyCount2;
        private int _wordCount;
        private int _maxLength;

        /// <summary>Stores keys once (a simplified and a traditional headword share them); returns their range for <see cref="Add"/>.</summary>
        public (int Start, int Count) AddKeys(ReadOnlySpan<int> keys)
        {
            int start = _keyCount2;
            Reserve(ref _keys, start + keys.Length);
            keys.CopyTo(_keys.AsSpan(start));
            _keyCount2 += keys.Length;
            return (start, keys.Length);
        }

        /// <summary>Adds a headword; an existing one gets the new keys only when <paramref name="replace"/>.</summary>
        public void Add(ReadOnlySpan<char> word, (int Start, int Count) keys, bool replace)
        {
            if (word.IsEmpty || word.Length > byte.MaxValue)
            {
                return;
            }

            int slot = FindSlot(word);
            if (_slots[slot] != 0)
            {
                int e = _slots[slot] - 1;
                if (replace)
                {
                    _keyStart[e] = keys.Start;
                    _keyCount[e] = keys.Count;
                }

                return;
            }

            int start = _charCount;
            Reserve(ref _chars, start + word.Length);
            word.CopyTo(_chars.AsSpan(start));
            _charCount += word.Length;
            Insert(slot, start, word.Length, keys, WordFlag);
            _wordCount++;
            _maxLength = Math.Max(_maxLength, word.Length);
        }

        public HeadwordTable Build()
        {
            // Every proper prefix (shorter than the match limit) of a headword is an entry that starts a longer one;
            // it points into the headword's characters.
            int words = _entryCount;
            for (int e = 0; e < words; e++)
            {
                int start = _start[e];
                for (int p = 1; p < Math.Min(_length[e], matchLimit); p++)
                {
                    int slot = FindSlot(_chars.AsSpan(start, p));
                    if (_slots[slot] != 0)
                    {
                        _flags[_slots[slot] - 1] |= LongerFlag;
                    }
                    else
                    {
                        Insert(slot, start, p, (0, 0), LongerFlag);
                    }
                }
            }

            return new HeadwordTable(_chars, _start, _length, _flags, _keyStart, _keyCount, _keys, _slots, _wordCount, Math.Min(_maxLength, matchLimit));
        }

        private static void Reserve<T>(ref T[] array, int needed)
        {
            if (needed > array.Length)
            {
                Array.Resize(ref array, Math.Max(needed, array.Length * 2));
            }
        }

        /// <summary>The slot holding <paramref name="text"/>, or the empty slot where it would go.</summary>
        private int FindSlot(ReadOnlySpan<char> text)
        {
            int mask = _slots.Length - 1;
            for (int slot = (int)Hash(text) & mask; ; slot = (slot + 1) & mask)
            {
                int e = _slots[slot] - 1;
                if (e < 0 || (_length[e] == text.Length && _chars.AsSpan(_start[e], text.Length).SequenceEqual(text)))
                {
                    return slot;
                }
            }
        }

        private void Insert(int slot, int start, int length, (int Start, int Count) keys, byte flags)
        {
            int e = _entryCount++;
            Reserve(ref _start, e + 1);
            Reserve(ref _length, e + 1);
            Reserve(ref _flags, e + 1);
            Reserve(ref _keyStart, e + 1);
            Reserve(ref _keyCount, e + 1);
            _start[e] = start;
            _length[e] = (byte)length;
            _flags[e] = flags;
            _keyStart[e] = keys.Start;
            _keyCount[e] = keys.Count;
            _slots[slot] = e + 1;
            if (_entryCount * 2 > _slots.Length)
            {
                // Keep the table at most half full: double it and place every entry again.
                _slots = new int[_slots.Length * 2];
                for (int k = 0; k < _entryCount; k++)
                {
                    int s = (int)Hash(_chars.AsSpan(_start[k], _length[k])) & (_slots.Length - 1);
                    while (_slots[s] != 0)
                    {
                        s = (s + 1) & (_slots.Length - 1);
                    }

                    _slots[s] = k + 1;
                }
            }
        }
    }
}
