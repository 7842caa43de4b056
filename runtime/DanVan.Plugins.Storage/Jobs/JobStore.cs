using System.Data.Common;
using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// The durable jobs of every plugin, in the runtime's database (tables <c>danvan_jobs</c>,
/// <c>danvan_job_occurrences</c>, <c>danvan_job_runs</c>). One per runtime; each plugin gets an
/// <see cref="IJobScheduler"/> bound to its id from <see cref="ForPlugin"/>, and a
/// <see cref="JobScheduler"/> runs what falls due.
/// </summary>
public sealed class JobStore
{
    private const int MaxKeyLength = 200;

    private readonly DatabaseConnector _connector;
    private readonly TimeProvider _time;
    private readonly Lock _schemaGate = new();
    private Task? _schema;

    /// <summary>Creates the store; call <see cref="EnsureCreatedAsync"/> once before use.</summary>
    public JobStore(DatabaseConnector connector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connector = connector;
        _time = timeProvider;
    }

    internal WakeSignal Changed { get; } = new();

    /// <summary>
    /// Wakes this process's <see cref="JobScheduler"/> to look for due work now. The runtime calls it
    /// when a plugin starts serving: the scheduler only looks at active plugins' jobs, so one that a
    /// plugin scheduled while starting (or that waited while it was disabled) would otherwise wait
    /// for the next poll.
    /// </summary>
    public void Wake() => Changed.Set();

    internal StorageProvider Provider => _connector.Provider;

    /// <summary>
    /// Creates the job and outbox tables if they are missing (idempotent, safe with several instances).
    /// The DDL runs once per store: later calls (the runtime, its scheduler and its start-up all ask)
    /// wait for that same run; a run that failed or was cancelled is tried again.
    /// </summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = JobSchema.EnsureCreatedAsync(_connector, CancellationToken.None);
            }

            return _schema.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The scheduler a plugin receives in its services: every job it touches belongs to <paramref name="pluginId"/>.</summary>
    public IJobScheduler ForPlugin(string pluginId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        return new PluginJobScheduler(this, pluginId);
    }

    internal async Task<ScheduledJob> ScheduleAsync(string pluginId, JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.Key, nameof(request.Key));
        Require(request.JobName, nameof(request.JobName));
        ArgumentNullException.ThrowIfNull(request.Schedule, nameof(request.Schedule));
        if (request.MaxAttempts is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxAttempts, "MaxAttempts must be within 1..100.");
        }

        var now = _time.GetUtcNow();
        // A one-off job in the past runs at once; a recurring one starts at its first slot from now.
        var first = request.Schedule.Kind == JobScheduleKind.Once
            ? request.Schedule.Start
            : request.Schedule.NextAfter(now.AddTicks(-1))!.Value;
        var id = Guid.NewGuid().ToString("N");

        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await Db.ExecuteAsync(connection, transaction, """
            INSERT INTO danvan_jobs (id, plugin_id, job_key, job_name, schedule, payload, max_attempts, state, created_at)
            VALUES (@id, @plugin, @key, @name, @schedule, @payload, @max, 'active', @now)
            ON CONFLICT (plugin_id, job_key) DO NOTHING
            """,
            cancellationToken,
            ("@id", id), ("@plugin", pluginId), ("@key", request.Key), ("@name", request.JobName),
            ("@schedule", request.Schedule.ToString()), ("@payload", request.Payload), ("@max", request.MaxAttempts),
            ("@now", Db.Millis(now))).ConfigureAwait(false);
        if (inserted == 1)
        {
            await InsertOccurrenceAsync(connection, transaction, id, pluginId, first, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (inserted == 1)
        {
            Changed.Set();
            return new ScheduledJob(id, request.Key, request.JobName, request.Schedule, Created: true, Cancelled: false);
        }

        return (await GetAsync(connection, pluginId, request.Key, cancellationToken).ConfigureAwait(false))!;
    }

    internal async Task<ScheduledJob?> GetAsync(string pluginId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, pluginId, key, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<bool> CancelAsync(string pluginId, string key, CancellationToken cancellationToken)
    {
        var now = Db.Millis(_time.GetUtcNow());
        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var cancel = Db.Command(connection, transaction, """
            UPDATE danvan_jobs SET state = 'cancelled', cancelled_at = @now
            WHERE plugin_id = @plugin AND job_key = @key AND state = 'active'
            RETURNING id
            """, ("@now", now), ("@plugin", pluginId), ("@key", key));
        if (await cancel.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string id)
        {
            return false;
        }

        await Db.ExecuteAsync(connection, transaction, """
            UPDATE danvan_job_occurrences SET state = 'cancelled', finished_at = @now
            WHERE job_id = @id AND state = 'pending'
            """, cancellationToken, ("@now", now), ("@id", id)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> due occurrences of active plugins' active jobs to
    /// <paramref name="worker"/>: pending ones whose time has come, and running ones whose lease ran
    /// out (their worker died). On PostgreSQL, FOR UPDATE SKIP LOCKED lets concurrent instances
    /// take disjoint rows; on SQLite the single UPDATE runs under the one write lock. The first
    /// claim of a recurring occurrence also inserts the next one in the same transaction, and
    /// UNIQUE (job_id, due_at) keeps any race from doubling it.
    /// </summary>
    internal async Task<IReadOnlyList<ClaimedOccurrence>> ClaimAsync(
        string worker, IReadOnlyCollection<string> plugins, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        if (plugins.Count == 0)
        {
            return [];
        }

        var (inList, pluginParameters) = Db.InList("plugin", plugins);
        var skipLocked = _connector.Provider == StorageProvider.Postgres ? "FOR UPDATE OF c SKIP LOCKED" : string.Empty;
        var due = "((c.state = 'pending' AND c.run_at <= @now) OR (c.state = 'running' AND c.lease_until < @now))";
        var sql = $"""
            UPDATE danvan_job_occurrences
            SET state = 'running', locked_by = @worker, lease_until = @lease, attempt = attempt + 1
            WHERE id IN (
                SELECT c.id FROM danvan_job_occurrences c
                WHERE c.plugin_id IN ({inList}) AND {due}
                  AND EXISTS (SELECT 1 FROM danvan_jobs j WHERE j.id = c.job_id AND j.state = 'active')
                ORDER BY c.run_at, c.id
                LIMIT @limit
                {skipLocked})
            RETURNING id, job_id, plugin_id, due_at, attempt
            """;

        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Id, string JobId, string PluginId, long DueAt, int Attempt)>();
        await using (var claim = Db.Command(connection, transaction, sql,
            [("@worker", worker), ("@lease", Db.Millis(now + lease)), ("@now", Db.Millis(now)), ("@limit", limit), .. pluginParameters]))
        {
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4)));
            }
        }

        var claimed = new List<ClaimedOccurrence>(rows.Count);
        foreach (var row in rows)
        {
            await using var read = Db.Command(connection, transaction,
                "SELECT job_key, job_name, schedule, payload, max_attempts FROM danvan_jobs WHERE id = @id", ("@id", row.JobId));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var occurrence = new ClaimedOccurrence(
                row.Id, row.JobId, row.PluginId, reader.GetString(0), reader.GetString(1), JobSchedule.Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), Db.Instant(row.DueAt), row.Attempt);
            await reader.DisposeAsync().ConfigureAwait(false);
            claimed.Add(occurrence);
            if (row.Attempt == 1 && NextDue(occurrence.Schedule, occurrence.DueAt, now) is { } next)
            {
                await InsertOccurrenceAsync(connection, transaction, row.JobId, row.PluginId, next, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>Records a success; false when the lease had been lost (the run is recorded either way).</summary>
    internal Task<bool> CompleteAsync(ClaimedOccurrence occurrence, string worker, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(occurrence, worker, startedAt, now, "succeeded", null, null, cancellationToken);

    /// <summary>Records a failure: back to pending at <paramref name="retryAt"/>, or dead-lettered when attempts are used up (null).</summary>
    internal Task<bool> FailAsync(ClaimedOccurrence occurrence, string worker, DateTimeOffset startedAt, DateTimeOffset now, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        FinishAsync(occurrence, worker, startedAt, now, retryAt is null ? "dead" : "failed", error, retryAt, cancellationToken);

    /// <summary>Gives an occurrence back without using an attempt (no handler yet, or shutting down).</summary>
    internal async Task ReleaseAsync(ClaimedOccurrence occurrence, string worker, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Db.ExecuteAsync(connection, null, """
            UPDATE danvan_job_occurrences
            SET state = 'pending', attempt = attempt - 1, run_at = @runAt, locked_by = NULL, lease_until = NULL
            WHERE id = @id AND locked_by = @worker AND attempt = @attempt AND state = 'running'
            """, cancellationToken,
            ("@runAt", Db.Millis(runAt)), ("@id", occurrence.Id), ("@worker", worker), ("@attempt", occurrence.Attempt)).ConfigureAwait(false);
    }

    /// <summary>Keeps the lease of a long-running handler; false when it was lost already.</summary>
    internal async Task<bool> ExtendLeaseAsync(ClaimedOccurrence occurrence, string worker, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Db.ExecuteAsync(connection, null, """
            UPDATE danvan_job_occurrences SET lease_until = @lease
            WHERE id = @id AND locked_by = @worker AND attempt = @attempt AND state = 'running'
            """, cancellationToken,
            ("@lease", Db.Millis(leaseUntil)), ("@id", occurrence.Id), ("@worker", worker), ("@attempt", occurrence.Attempt)).ConfigureAwait(false) == 1;
    }

    /// <summary>The earliest instant work of these plugins falls due (or a lease runs out), or null.</summary>
    internal async Task<DateTimeOffset?> NextDueAsync(IReadOnlyCollection<string> plugins, CancellationToken cancellationToken)
    {
        if (plugins.Count == 0)
        {
            return null;
        }

        var (inList, parameters) = Db.InList("plugin", plugins);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Db.Command(connection, null, $"""
            SELECT MIN(CASE WHEN state = 'pending' THEN run_at ELSE lease_until END)
            FROM danvan_job_occurrences WHERE state IN ('pending', 'running') AND plugin_id IN ({inList})
            """, parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? Db.Instant(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    // Calendar rules catch up every period they missed; an interval rule resumes after now.
    private static DateTimeOffset? NextDue(JobSchedule schedule, DateTimeOffset dueAt, DateTimeOffset now) =>
        schedule.Kind == JobScheduleKind.Interval ? schedule.NextAfter(dueAt > now ? dueAt : now) : schedule.NextAfter(dueAt);

    private async Task<bool> FinishAsync(
        ClaimedOccurrence occurrence, string worker, DateTimeOffset startedAt, DateTimeOffset now, string outcome, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (state, runAt, finishedAt) = outcome switch
        {
            "failed" => ("pending", (long?)Db.Millis(retryAt!.Value), (long?)null),
            _ => (outcome, null, Db.Millis(now)),
        };
        // Fenced by worker and attempt: a worker whose lease expired and was taken over cannot
        // overwrite the newer attempt's state.
        var updated = await Db.ExecuteAsync(connection, transaction, """
            UPDATE danvan_job_occurrences
            SET state = @state, run_at = COALESCE(@runAt, run_at), finished_at = @finished, last_error = COALESCE(@error, last_error),
                locked_by = NULL, lease_until = NULL
            WHERE id = @id AND locked_by = @worker AND attempt = @attempt AND state = 'running'
            """, cancellationToken,
            ("@state", state), ("@runAt", runAt), ("@finished", finishedAt), ("@error", error),
            ("@id", occurrence.Id), ("@worker", worker), ("@attempt", occurrence.Attempt)).ConfigureAwait(false) == 1;
        await Db.ExecuteAsync(connection, transaction, """
            INSERT INTO danvan_job_runs (occurrence_id, job_id, due_at, attempt, worker, started_at, finished_at, outcome, error)
            VALUES (@occurrence, @job, @due, @attempt, @worker, @started, @finished, @outcome, @error)
            """, cancellationToken,
            ("@occurrence", occurrence.Id), ("@job", occurrence.JobId), ("@due", Db.Millis(occurrence.DueAt)), ("@attempt", occurrence.Attempt),
            ("@worker", worker), ("@started", Db.Millis(startedAt)), ("@finished", Db.Millis(now)),
            ("@outcome", updated ? outcome : outcome + "-lease-lost"), ("@error", error)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private static async Task InsertOccurrenceAsync(DbConnection connection, DbTransaction transaction, string jobId, string pluginId, DateTimeOffset due, CancellationToken cancellationToken) =>
        await Db.ExecuteAsync(connection, transaction, """
            INSERT INTO danvan_job_occurrences (job_id, plugin_id, due_at, run_at, attempt, state)
            VALUES (@job, @plugin, @due, @due, 0, 'pending')
            ON CONFLICT (job_id, due_at) DO NOTHING
            """, cancellationToken, ("@job", jobId), ("@plugin", pluginId), ("@due", Db.Millis(due))).ConfigureAwait(false);

    private static async Task<ScheduledJob?> GetAsync(DbConnection connection, string pluginId, string key, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, null,
            "SELECT id, job_name, schedule, state FROM danvan_jobs WHERE plugin_id = @plugin AND job_key = @key",
            ("@plugin", pluginId), ("@key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ScheduledJob(reader.GetString(0), key, reader.GetString(1), JobSchedule.Parse(reader.GetString(2)), Created: false, Cancelled: reader.GetString(3) == "cancelled")
            : null;
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{name} must be 1..{MaxKeyLength} characters, not blank.", name);
        }
    }
}
