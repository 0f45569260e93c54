// `node intents/dist/ensure-model.js` (npm start) and `npm run ensure-model -w intents` (npm test):
// trains the model only when it is missing or older than the corpus.
import { ensureModel } from './model';

ensureModel()
  .then((p) => console.log(`intents model: ${p}`))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
