using System.Buffers;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// The append-only write-ahead journal with group commit. Writers append records to an in-memory segment while they
/// hold the engine lock (cheap, ordered like the changes themselves); one flusher task writes whole segments and fsyncs,
/// so concurrent writers share one fsync. A command is acknowledged only after <see cref="WaitAsync"/> says its last
/// record is on disk. Rotation starts a new file generation so a snapshot can replace everything before it.
/// </summary>
internal sealed class Journal : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly string _directory;
    private readonly Queue<Segment> _closed = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Task _flusher;
    private Segment _pending;
    private FileStream? _file;
    private int _fileGeneration = -1;
    private long _sequence;
    private long _durable;
    private bool _signalled;
    private bool _stopping;
    private Exception? _failure;
    private long _fileLength;

    public Journal(string directory, int generation, long validLength)
    {
        _directory = directory;
        _pending = new Segment(generation);
        OpenFile(generation, validLength);
        _flusher = Task.Run(FlushLoopAsync);
    }

    /// <summary>Bytes in the current journal file, to decide when a snapshot should replace it.</summary>
    public long FileLength => Volatile.Read(ref _fileLength);

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public static string FileName(string directory, int generation) => Path.Combine(directory, $"journal-{generation:D8}.log");

    public long Append(JournalKind kind, string ns, ReadOnlySpan<byte> bson)
    {
        lock (_gate)
        {
            JournalEntry.Write(_pending.Buffer, kind, ns, bson);
            _pending.LastSequence = ++_sequence;
            Signal();
            return _sequence;
        }
    }

    /// <summary>Closes the current generation: later records go to the next file. Returns the new generation.</summary>
    public int Rotate()
    {
        lock (_gate)
        {
            var next = _pending.Generation + 1;
            _closed.Enqueue(_pending);
            _pending = new Segment(next) { LastSequence = _sequence };
            Signal();
            return next;
        }
    }

    /// <summary>Completes once every record up to <paramref name="sequence"/> is written and fsync'd.</summary>
    public Task WaitAsync(long sequence)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                return Task.FromException(new IOException($"the journal in {_directory} cannot be written: {_failure.Message}", _failure));
            }

            if (sequence <= _durable)
            {
                return Task.CompletedTask;
            }

            foreach (var segment in _closed)
            {
                if (segment.LastSequence >= sequence)
                {
                    return segment.Done.Task;
                }
            }

            return _pending.Done.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
            Signal();
        }

        await _flusher;
        _file?.Dispose();
        _wake.Dispose();
    }

    private void Signal()
    {
        if (!_signalled)
        {
            _signalled = true;
            _wake.Release();
        }
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            await _wake.WaitAsync();
            List<Segment> batch;
            bool stopping;
            lock (_gate)
            {
                _signalled = false;
                stopping = _stopping;
                if (_pending.Buffer.WrittenCount > 0)
                {
                    _closed.Enqueue(_pending);
                    _pending = new Segment(_pending.Generation) { LastSequence = _sequence };
                }

                batch = [.. _closed];
            }

            try
            {
                Write(batch);
                lock (_gate)
                {
                    foreach (var segment in batch)
                    {
                        _closed.Dequeue();
                        _durable = Math.Max(_durable, segment.LastSequence);
                    }
                }

                batch.ForEach(s => s.Done.TrySetResult());
            }
            catch (IOException e)
            {
                lock (_gate)
                {
                    _failure = e;
                    _closed.Clear();
                }

                batch.ForEach(s => s.Done.TrySetException(e));
            }

            if (stopping)
            {
                return;
            }
        }
    }

    private void Write(List<Segment> batch)
    {
        var dirty = false;
        foreach (var segment in batch)
        {
            if (segment.Generation != _fileGeneration)
            {
                _file!.Flush(flushToDisk: true);
                _file.Dispose();
                OpenFile(segment.Generation, 0);
            }

            if (segment.Buffer.WrittenCount > 0)
            {
                _file!.Write(segment.Buffer.WrittenSpan);
                dirty = true;
            }
        }

        if (dirty)
        {
            _file!.Flush(flushToDisk: true);
        }

        Volatile.Write(ref _fileLength, _file!.Length);
    }

    private void OpenFile(int generation, long validLength)
    {
        var file = new FileStream(FileName(_directory, generation), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 0);
        // A torn record left by a crash is cut off, so new records follow the last valid one.
        file.SetLength(validLength);
        file.Position = validLength;
        _file = file;
        _fileGeneration = generation;
        Volatile.Write(ref _fileLength, validLength);
    }

    private sealed class Segment(int generation)
    {
        public int Generation { get; } = generation;

        public ArrayBufferWriter<byte> Buffer { get; } = new(64 * 1024);

        public long LastSequence { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
