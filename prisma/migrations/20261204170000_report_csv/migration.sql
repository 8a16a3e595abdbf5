-- The CSV exports' quoting, done where the rows are: a download of 100,000 lines is built by
-- PostgreSQL one batch at a time as a single text, so the server never holds 100,000 row objects
-- (they made its memory grow by 60–70 MB per download; docs/benchmarks.md). The lines the app holds
-- itself (the header, the per-agent table) go through the same function (lib/reports/csv.ts).
--
-- One field as RFC 4180 writes it: quoted when it holds a comma, quote or line break, its quotes
-- doubled; NULL is an empty field. Text that a spreadsheet would run as a formula (=, +, -, @, tab
-- or carriage return first) gets a leading apostrophe, so a customer named "=HYPERLINK(…)" stays a
-- name (OWASP "CSV injection"); a plain number such as -5 is not a formula and is left alone.
CREATE FUNCTION report_csv_field(field text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN defused IS NULL THEN ''
    WHEN defused ~ '[",\r\n]' THEN '"' || replace(defused, '"', '""') || '"'
    ELSE defused
  END
  FROM (
    SELECT CASE
      WHEN field ~ '^[=+@\t\r-]' AND field !~ '^-?[0-9]+(\.[0-9]+)?$' THEN '''' || field
      ELSE field
    END AS defused
  ) AS f
$$;
