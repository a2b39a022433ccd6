-- The read model's projections read the journal by tag (docs/read-model.md). The plugin's 1.1.1 schema indexes
-- event_tag by (event_id, tag) only, so each poll of a tag scanned event_tag whole or probed it once per journal row
-- since the offset (measured in docs/benchmarks.md, "Read model: projection lag"). Later plugin versions add an index
-- on tag too.
CREATE INDEX IF NOT EXISTS event_tag_tag_idx ON event_tag (tag, event_id);
