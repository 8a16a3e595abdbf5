// The form customer names are searched in: lower case, without Vietnamese diacritics, so "nguyen"
// finds "Nguyễn" and "ĐỨC" finds "Đức". Contact."searchName" holds the same form, written by a
// database trigger (migration "contact_search_name"); the two must stay in step.
export function normalizeSearchName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
