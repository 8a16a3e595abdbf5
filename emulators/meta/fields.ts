// Parses and applies Graph's `fields` parameter, e.g. "participants,messages.limit(20){message,from}".
import { graphErrors } from "./graph-errors";

export interface FieldSpec {
  name: string;
  limit?: number;
  children?: FieldSpec[];
}

export function parseFields(input: string | undefined): FieldSpec[] | undefined {
  if (input === undefined || input.trim() === "") return undefined;
  const parser = new FieldParser(input.replace(/\s+/g, ""));
  const fields = parser.list();
  if (!parser.atEnd())
    throw graphErrors.invalidParameter(`Syntax error in fields near position ${parser.position}`);
  return fields;
}

class FieldParser {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  list(): FieldSpec[] {
    const fields = [this.field()];
    while (this.text[this.position] === ",") {
      this.position++;
      fields.push(this.field());
    }
    return fields;
  }

  private field(): FieldSpec {
    const name = this.word();
    const spec: FieldSpec = { name };
    while (this.text[this.position] === ".") {
      this.position++;
      const modifier = this.word();
      const argument = this.parenthesised();
      if (modifier === "limit") spec.limit = Number(argument);
    }
    if (this.text[this.position] === "{") {
      this.position++;
      spec.children = this.list();
      this.expect("}");
    }
    return spec;
  }

  private word(): string {
    const match = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.position));
    if (!match) throw graphErrors.invalidParameter(`Syntax error in fields near position ${this.position}`);
    this.position += match[0].length;
    return match[0];
  }

  private parenthesised(): string {
    this.expect("(");
    const end = this.text.indexOf(")", this.position);
    if (end < 0) throw graphErrors.invalidParameter("Syntax error in fields: missing ')'");
    const value = this.text.slice(this.position, end);
    this.position = end + 1;
    return value;
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char)
      throw graphErrors.invalidParameter(`Syntax error in fields: expected '${char}'`);
    this.position++;
  }
}

/** How one node type produces each field it knows; a nested spec is passed to the producer. */
export type FieldProducers = Record<string, (spec: FieldSpec) => unknown>;

/** Builds a node with the requested fields (or the defaults); unknown fields are Graph's error 100. */
export function selectFields(
  nodeType: string,
  requested: FieldSpec[] | undefined,
  defaults: string[],
  producers: FieldProducers,
): Record<string, unknown> {
  const specs = requested ?? defaults.map((name) => ({ name }));
  const node: Record<string, unknown> = {};
  for (const spec of specs) {
    const produce = producers[spec.name];
    if (!produce) throw graphErrors.nonexistingField(spec.name, nodeType);
    const value = produce(spec);
    if (value !== undefined) node[spec.name] = value;
  }
  // Graph always returns the id, and last, when the caller asked for other fields.
  if (!("id" in node) && producers.id) node.id = producers.id({ name: "id" });
  return node;
}
