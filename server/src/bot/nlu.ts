// The trained intent model, loaded once per process (training happens at build time or on the first
// start without a model, never per request); a failed load is retried on the next message.
import { ensureModel, loadClassifier, type Classifier } from '@changhu/intents';

let shared: Promise<Classifier> | undefined;

export function sharedClassifier(): Promise<Classifier> {
  shared ??= ensureModel()
    .then((path) => loadClassifier(path))
    .catch((err: unknown) => {
      shared = undefined;
      throw err;
    });
  return shared;
}
