using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Tests.Infrastructure;

/// <summary>The test records' tables, written once for both databases.</summary>
internal static class TestMigrations
{
    public static readonly Migration Directives = new(1, "create_directives", """
        CREATE TABLE {table:directives} (
            id UUID PRIMARY KEY,
            number TEXT NOT NULL,
            title TEXT NOT NULL,
            version BIGINT NOT NULL);
        """) { RollbackSafe = true };

    public static readonly Migration Assignments = new(2, "create_assignments", """
        CREATE TABLE {table:assignments} (
            id UUID PRIMARY KEY,
            directive_id UUID NULL REFERENCES {table:directives} (id),
            title TEXT NOT NULL,
            title_folded TEXT NULL,
            unit_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            due_date DATE NULL,
            created_at TIMESTAMPTZ NOT NULL,
            reported_at TIMESTAMPTZ NULL,
            score NUMERIC NULL,
            sequence BIGINT NOT NULL,
            priority INTEGER NOT NULL,
            is_key_task BOOLEAN NOT NULL,
            note TEXT NULL,
            version BIGINT NOT NULL);
        CREATE INDEX {name:ix_assignments_unit_status} ON {table:assignments} (unit_id, status);
        """) { RollbackSafe = true };

    public static readonly Migration Reports = new(3, "create_reports", """
        CREATE TABLE {table:reports} (
            id BIGINT PRIMARY KEY,
            assignment_id UUID NOT NULL REFERENCES {table:assignments} (id),
            body TEXT NOT NULL,
            version BIGINT NOT NULL);
        """) { RollbackSafe = true };

    public static readonly Migration Counters = new(4, "create_counters", """
        CREATE TABLE {table:counters} (
            name TEXT PRIMARY KEY,
            value BIGINT NOT NULL);
        """) { RollbackSafe = true };

    public static IReadOnlyList<Migration> All { get; } = [Directives, Assignments, Reports, Counters];
}
