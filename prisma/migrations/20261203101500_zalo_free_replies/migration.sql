-- Zalo's reply window counts free replies per customer message (8 within 48 h): each conversation
-- keeps how many replies followed the customer's last message.
ALTER TABLE "Conversation" ADD COLUMN "repliesSinceInbound" INTEGER NOT NULL DEFAULT 0;
