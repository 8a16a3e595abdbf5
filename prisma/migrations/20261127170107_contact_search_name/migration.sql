-- Search customers by name without case or Vietnamese diacritics ("nguyen" finds "Nguyễn").
-- "searchName" is written by the trigger below, so every writer of Contact (webhooks, history
-- sync, profile refresh) keeps it right without knowing it exists; lib/inbox/search-name.ts folds
-- the query the same way. A trigram index serves "contains" searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- Unicode normalisation needs a UTF8 database; any other encoding still gets a lower-cased name.
CREATE FUNCTION "contact_search_name"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  folded text := coalesce(NEW."name", '');
BEGIN
  IF current_setting('server_encoding') = 'UTF8' THEN
    folded := translate(regexp_replace(normalize(folded, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dd');
  END IF;
  NEW."searchName" := btrim(regexp_replace(lower(folded), '\s+', ' ', 'g'));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Contact_searchName" BEFORE INSERT OR UPDATE OF "name" ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION "contact_search_name"();

UPDATE "Contact" SET "name" = "name";

-- CreateIndex
CREATE INDEX "Contact_searchName_idx" ON "Contact" USING GIN ("searchName" gin_trgm_ops);
