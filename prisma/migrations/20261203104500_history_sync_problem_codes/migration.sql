-- A history sync's problem codes name no platform (lib/history-sync/history-sync-view.ts): the
-- platform's name is filled in by the text. Stored codes follow, so a paused sync still says why.
UPDATE "HistorySync" SET "lastError" = 'platform_unavailable' WHERE "lastError" = 'facebook_unavailable';
UPDATE "HistorySync" SET "lastError" = 'platform_refused' WHERE "lastError" = 'facebook_error';
