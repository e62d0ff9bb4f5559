-- Runs are deleted with their files once they ended longer ago than the retention (runs.retention): the hourly
-- sweep looks them up, oldest end first, across every registry. Queued and Running runs have no finished_at.
CREATE INDEX runs_by_end ON runs (finished_at);
