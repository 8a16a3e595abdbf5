-- Agents' replies are counted per day, not per hour: the report reads them only as a sum per agent
-- over whole days of the shop's clock, and their hourly rows were nine in ten of the table (118,116
-- of 131,606 in the reports benchmark), all read by every 30-day report. Customer messages keep
-- their hours (the heat map). The trigger on Message and the recount write each count into its
-- slot, so the folding round (lib/reports/fold-message-counts.ts) still groups rows by equality.

-- The start of the slot a count row belongs to: its hour for customer messages, its day for replies.
CREATE FUNCTION "report_count_slot"(local_hour timestamp, agent text) RETURNS timestamp
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN agent IS NULL THEN local_hour ELSE date_trunc('day', local_hour) END
$$;

CREATE OR REPLACE FUNCTION "report_messages_counted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportMessageCount"("workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies")
  SELECT c."workspaceId", w."timeZone",
         "report_count_slot"(date_trunc('hour', (m."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone"), m."senderUserId"),
         m."channelId", m."senderUserId",
         count(*) FILTER (WHERE m.direction = 'inbound'), count(*) FILTER (WHERE m.direction = 'outbound')
  FROM added m
  JOIN "Channel" c ON c.id = m."channelId"
  JOIN "Workspace" w ON w.id = c."workspaceId"
  WHERE m.direction = 'inbound' OR (m.direction = 'outbound' AND m."senderKind" = 'agent')
  GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "report_recount_messages"(workspace text) RETURNS void LANGUAGE sql AS $$
  WITH replaced AS (DELETE FROM "ReportMessageCount" WHERE "workspaceId" = workspace)
  INSERT INTO "ReportMessageCount"("workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies", "folded")
  SELECT c."workspaceId", w."timeZone",
         "report_count_slot"(date_trunc('hour', (m."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone"), m."senderUserId"),
         m."channelId", m."senderUserId",
         count(*) FILTER (WHERE m.direction = 'inbound'), count(*) FILTER (WHERE m.direction = 'outbound'), true
  FROM "Message" m
  JOIN "Channel" c ON c.id = m."channelId"
  JOIN "Workspace" w ON w.id = c."workspaceId"
  WHERE c."workspaceId" = workspace AND (m.direction = 'inbound' OR (m.direction = 'outbound' AND m."senderKind" = 'agent'))
  GROUP BY 1, 2, 3, 4, 5
$$;

-- The reply rows counted so far, into their days (as folded rows: one per group).
WITH replies AS (
  DELETE FROM "ReportMessageCount" WHERE "agentId" IS NOT NULL
  RETURNING "workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies"
)
INSERT INTO "ReportMessageCount"("workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies", "folded")
SELECT "workspaceId", "timeZone", "report_count_slot"("localHour", "agentId"), "channelId", "agentId", sum("customerMessages"), sum("agentReplies"), true
FROM replies GROUP BY 1, 2, 3, 4, 5;
