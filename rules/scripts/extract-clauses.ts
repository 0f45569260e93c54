// Regenerates rules/src/data/clauses.json from the documents in rules/law: npm run clauses -w @changhu/rules
import * as fs from 'fs';
import * as path from 'path';
import { extractAll } from './clause-parser';

/** The five documents, kept in the repository (rules/law/README.md). */
export const LAW_DIR = path.resolve(__dirname, '../law');
export const CLAUSES_JSON = path.resolve(__dirname, '../src/data/clauses.json');

function main(): void {
  const data = extractAll((file) => fs.readFileSync(path.join(LAW_DIR, file), 'utf8'));
  fs.mkdirSync(path.dirname(CLAUSES_JSON), { recursive: true });
  fs.writeFileSync(CLAUSES_JSON, JSON.stringify(data, null, 2) + '\n');
  for (const [doc, clauses] of Object.entries(data)) {
    console.log(`${doc}: ${clauses.length} clauses: ${clauses.map((c) => c.id).join(' ')}`);
  }
}

if (require.main === module) main();
