-- CreateTable
CREATE TABLE "ConversationEpisode" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "reopened" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "firstCustomerMessageAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "firstResponderId" TEXT,
    "firstResponseSeconds" INTEGER,
    "closedAt" TIMESTAMP(3),
    "resolutionSeconds" INTEGER,
    "timeoutReassignments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConversationEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportMessageCount" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "localHour" TIMESTAMP(0) NOT NULL,
    "channelId" TEXT NOT NULL,
    "agentId" TEXT,
    "customerMessages" INTEGER NOT NULL,
    "agentReplies" INTEGER NOT NULL,
    "folded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReportMessageCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationEpisode_conversationId_startedAt_idx" ON "ConversationEpisode"("conversationId", "startedAt");

-- CreateIndex
CREATE INDEX "ConversationEpisode_workspaceId_startedAt_idx" ON "ConversationEpisode"("workspaceId", "startedAt");

-- CreateIndex
CREATE INDEX "ConversationEpisode_workspaceId_firstCustomerMessageAt_idx" ON "ConversationEpisode"("workspaceId", "firstCustomerMessageAt");

-- CreateIndex
CREATE INDEX "ConversationEpisode_workspaceId_closedAt_idx" ON "ConversationEpisode"("workspaceId", "closedAt");

-- CreateIndex
CREATE INDEX "ReportMessageCount_workspaceId_timeZone_localHour_idx" ON "ReportMessageCount"("workspaceId", "timeZone", "localHour");

-- CreateIndex
CREATE INDEX "ReportMessageCount_folded_idx" ON "ReportMessageCount"("folded");

-- AddForeignKey
ALTER TABLE "ConversationEpisode" ADD CONSTRAINT "ConversationEpisode_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportMessageCount" ADD CONSTRAINT "ReportMessageCount_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- "Báo cáo" (lib/reports/). Prisma keeps DateTime columns as UTC `timestamp(3)`: the functions below
-- take and give UTC timestamps without a zone and convert to the shop's zone only to find its days.

-- Seconds from `started` to `ended` inside the shop's working hours (Workspace."workingHours":
-- { "mon": { "opens": "08:00", "closes": "17:30" }, … }, a day left out is closed), or wall seconds
-- when the shop has not set any. Never negative: platform and server clocks may disagree a little.
CREATE FUNCTION "report_working_seconds"(started timestamp, ended timestamp, zone text, hours jsonb)
RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN ended <= started THEN 0
    WHEN hours IS NULL OR hours = '{}'::jsonb THEN round(extract(epoch FROM ended - started))::integer
    ELSE COALESCE((
      SELECT round(sum(GREATEST(0, extract(epoch FROM
        LEAST(ended, ((day + (h ->> 'closes')::time) AT TIME ZONE zone) AT TIME ZONE 'UTC')
        - GREATEST(started, ((day + (h ->> 'opens')::time) AT TIME ZONE zone) AT TIME ZONE 'UTC')))))::integer
      FROM generate_series(((started AT TIME ZONE 'UTC') AT TIME ZONE zone)::date::timestamp,
                           ((ended AT TIME ZONE 'UTC') AT TIME ZONE zone)::date::timestamp, interval '1 day') AS day
      CROSS JOIN LATERAL (
        SELECT hours -> (ARRAY['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])[extract(dow FROM day)::integer + 1] AS h
      ) AS opening
      WHERE h IS NOT NULL), 0)
  END
$$;

-- A live conversation opens its first episode. Synced history opens one only when its customer
-- writes again (below): the shop's replies from before the connection are not ours to measure.
CREATE FUNCTION "conversation_episode_opened"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ConversationEpisode"("workspaceId", "conversationId", "channelId", "assigneeId", "startedAt", "firstCustomerMessageAt")
  VALUES (NEW."workspaceId", NEW.id, NEW."channelId", NEW."assigneeId",
          LEAST(NEW."createdAt", NEW."awaitingReplySince"), NEW."awaitingReplySince");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Conversation_episode_opened" AFTER INSERT ON "Conversation"
  FOR EACH ROW WHEN (NEW.origin = 'live') EXECUTE FUNCTION "conversation_episode_opened"();

-- The changes the reports measure, read off the conversation row the app updates anyway, so no code
-- path has to remember them: a closed conversation opening again starts an episode; the customer
-- starting to wait (awaitingReplySince set) gives the episode its first customer message; the wait
-- ending without a close is the first response, by the newest reply's writer at its time; the
-- close ends the episode. The time of a change is the row's updatedAt (every writer moves it).
-- The conversation row is locked by the UPDATE, so two changes of one conversation never race here.
CREATE FUNCTION "conversation_episode_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_at timestamp := CASE WHEN NEW."updatedAt" IS DISTINCT FROM OLD."updatedAt" THEN NEW."updatedAt" ELSE now() AT TIME ZONE 'UTC' END;
  began_waiting boolean := OLD."awaitingReplySince" IS NULL AND NEW."awaitingReplySince" IS NOT NULL;
  answered boolean := OLD."awaitingReplySince" IS NOT NULL AND NEW."awaitingReplySince" IS NULL AND NEW.state <> 'closed';
  episode "ConversationEpisode"%ROWTYPE;
  shop record;
  reply record;
BEGIN
  SELECT * INTO episode FROM "ConversationEpisode" WHERE "conversationId" = NEW.id ORDER BY "startedAt" DESC, id DESC LIMIT 1;

  IF (OLD.state = 'closed' AND NEW.state <> 'closed')
     OR (began_waiting AND NEW.state <> 'closed' AND (episode.id IS NULL OR episode."closedAt" IS NOT NULL)) THEN
    INSERT INTO "ConversationEpisode"("workspaceId", "conversationId", "channelId", "assigneeId", "reopened", "startedAt")
    VALUES (NEW."workspaceId", NEW.id, NEW."channelId", NEW."assigneeId", episode.id IS NOT NULL,
            CASE WHEN began_waiting THEN NEW."awaitingReplySince" ELSE changed_at END)
    RETURNING * INTO episode;
  END IF;
  IF episode.id IS NULL OR episode."closedAt" IS NOT NULL THEN
    RETURN NULL;
  END IF;

  IF NEW."assigneeId" IS NOT NULL THEN
    episode."assigneeId" := NEW."assigneeId";
  END IF;
  IF began_waiting AND episode."firstCustomerMessageAt" IS NULL THEN
    episode."firstCustomerMessageAt" := NEW."awaitingReplySince";
    episode."startedAt" := LEAST(episode."startedAt", NEW."awaitingReplySince");
  END IF;
  IF NEW."timeoutReassignedAt" IS NOT NULL AND NEW."timeoutReassignedAt" IS DISTINCT FROM OLD."timeoutReassignedAt" THEN
    episode."timeoutReassignments" := episode."timeoutReassignments" + 1;
  END IF;
  IF (answered AND episode."firstResponseAt" IS NULL AND episode."firstCustomerMessageAt" IS NOT NULL)
     OR (NEW.state = 'closed' AND OLD.state <> 'closed') THEN
    SELECT "timeZone", "workingHours" INTO shop FROM "Workspace" WHERE id = NEW."workspaceId";
  END IF;
  IF answered AND episode."firstResponseAt" IS NULL AND episode."firstCustomerMessageAt" IS NOT NULL THEN
    SELECT "sentAt", "senderUserId" INTO reply FROM "Message"
      WHERE "conversationId" = NEW.id AND direction = 'outbound' ORDER BY "sentAt" DESC, id DESC LIMIT 1;
    episode."firstResponseAt" := GREATEST(COALESCE(reply."sentAt", changed_at), episode."firstCustomerMessageAt");
    episode."firstResponderId" := reply."senderUserId";
    episode."firstResponseSeconds" := "report_working_seconds"(episode."firstCustomerMessageAt", episode."firstResponseAt", shop."timeZone", shop."workingHours");
  END IF;
  IF NEW.state = 'closed' AND OLD.state <> 'closed' THEN
    episode."closedAt" := changed_at;
    episode."resolutionSeconds" := "report_working_seconds"(episode."startedAt", changed_at, shop."timeZone", shop."workingHours");
  END IF;

  UPDATE "ConversationEpisode" SET
    "assigneeId" = episode."assigneeId",
    "startedAt" = episode."startedAt",
    "firstCustomerMessageAt" = episode."firstCustomerMessageAt",
    "firstResponseAt" = episode."firstResponseAt",
    "firstResponderId" = episode."firstResponderId",
    "firstResponseSeconds" = episode."firstResponseSeconds",
    "closedAt" = episode."closedAt",
    "resolutionSeconds" = episode."resolutionSeconds",
    "timeoutReassignments" = episode."timeoutReassignments"
  WHERE id = episode.id;
  RETURN NULL;
END
$$;

-- Only the changes above wake the function: a customer's further messages while they wait, and
-- every other update of the row, cost nothing but this condition.
CREATE TRIGGER "Conversation_episode_changed" AFTER UPDATE ON "Conversation"
  FOR EACH ROW WHEN (
    OLD.state IS DISTINCT FROM NEW.state
    OR (OLD."awaitingReplySince" IS NULL) <> (NEW."awaitingReplySince" IS NULL)
    OR OLD."assigneeId" IS DISTINCT FROM NEW."assigneeId"
    OR OLD."timeoutReassignedAt" IS DISTINCT FROM NEW."timeoutReassignedAt"
  ) EXECUTE FUNCTION "conversation_episode_changed"();

-- Customer messages and agents' replies of one inserting statement, per hour of the shop's clock,
-- page and agent: one row per group, appended (never updated), so writers never wait on each other.
CREATE FUNCTION "report_messages_counted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportMessageCount"("workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies")
  SELECT c."workspaceId", w."timeZone", date_trunc('hour', (m."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone"),
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

CREATE TRIGGER "Message_counted" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "report_messages_counted"();

-- A workspace's counts from its messages, on its clock: what a change of the shop's time zone does
-- (lib/workspace/update-workspace-settings.ts), in one statement so the messages it reads and the
-- rows it replaces are of one snapshot.
CREATE FUNCTION "report_recount_messages"(workspace text) RETURNS void LANGUAGE sql AS $$
  WITH replaced AS (DELETE FROM "ReportMessageCount" WHERE "workspaceId" = workspace)
  INSERT INTO "ReportMessageCount"("workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies", "folded")
  SELECT c."workspaceId", w."timeZone", date_trunc('hour', (m."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE w."timeZone"),
         m."channelId", m."senderUserId",
         count(*) FILTER (WHERE m.direction = 'inbound'), count(*) FILTER (WHERE m.direction = 'outbound'), true
  FROM "Message" m
  JOIN "Channel" c ON c.id = m."channelId"
  JOIN "Workspace" w ON w.id = c."workspaceId"
  WHERE c."workspaceId" = workspace AND (m.direction = 'inbound' OR (m.direction = 'outbound' AND m."senderKind" = 'agent'))
  GROUP BY 1, 2, 3, 4, 5
$$;

-- What was there before: every message counted; one episode per live conversation (earlier
-- reopenings were not recorded as such), its first customer message and first agent reply read
-- from the messages, its close from the latest "closed" event.
SELECT "report_recount_messages"(id) FROM "Workspace";

INSERT INTO "ConversationEpisode"("workspaceId", "conversationId", "channelId", "assigneeId", "startedAt",
  "firstCustomerMessageAt", "firstResponseAt", "firstResponderId", "firstResponseSeconds", "closedAt", "resolutionSeconds")
SELECT c."workspaceId", c.id, c."channelId", c."assigneeId", LEAST(c."createdAt", first_in."sentAt"),
       first_in."sentAt", first_out."sentAt", first_out."senderUserId",
       "report_working_seconds"(first_in."sentAt", first_out."sentAt", w."timeZone", w."workingHours"),
       closed."createdAt",
       "report_working_seconds"(LEAST(c."createdAt", first_in."sentAt"), closed."createdAt", w."timeZone", w."workingHours")
FROM "Conversation" c
JOIN "Workspace" w ON w.id = c."workspaceId"
LEFT JOIN LATERAL (
  SELECT "sentAt" FROM "Message" WHERE "conversationId" = c.id AND direction = 'inbound' ORDER BY "sentAt" LIMIT 1
) first_in ON true
LEFT JOIN LATERAL (
  SELECT "sentAt", "senderUserId" FROM "Message"
  WHERE "conversationId" = c.id AND direction = 'outbound' AND "senderKind" = 'agent' AND "sentAt" >= first_in."sentAt"
  ORDER BY "sentAt" LIMIT 1
) first_out ON true
LEFT JOIN LATERAL (
  SELECT "createdAt" FROM "AssignmentEvent" WHERE "conversationId" = c.id AND kind = 'closed' ORDER BY "createdAt" DESC LIMIT 1
) closed ON c.state = 'closed'
WHERE c.origin = 'live';
