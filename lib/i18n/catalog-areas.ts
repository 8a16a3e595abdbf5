// The message catalog files of each locale, one per feature area; every area exists in every locale
// (tests/unit/catalogs.test.ts checks that the keys match).
export const catalogAreas = ["core", "inbox", "channels", "rules", "historySync", "people", "templates", "customer", "notes", "shortcuts", "reports"] as const;
