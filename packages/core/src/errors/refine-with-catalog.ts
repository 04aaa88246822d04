import type { Catalog } from '../catalog/catalog.js';
import type { ErrorReading } from './failure.js';

/**
 * Completes a reading with the service catalog where the text and the curated operation table fall
 * short: an operation whose service is unknown is looked up among every service's actions (most
 * operations are authorised as the action of the same name), and resolved when exactly one service
 * has it, or exactly one of those matches the service the text hints at.
 */
export async function refineWithCatalog(reading: ErrorReading, catalog: Catalog): Promise<ErrorReading> {
  const { failure } = reading;
  if (failure.operation === null || failure.action !== null) {
    return reading;
  }
  const services = await catalog.servicesWithAction(failure.operation);
  const candidates = failure.service === null ? services : services.filter((s) => s === failure.service);
  const [service] = candidates;
  if (candidates.length !== 1 || service === undefined) {
    return reading;
  }
  const action = await catalog.actionForOperation(service, failure.operation);
  if (action === null) {
    return reading;
  }
  return {
    ...reading,
    failure: { ...failure, service, action: `${service}:${action.name}` },
    actionSource: 'operation',
    unknowns: reading.unknowns
      .filter((u) => u.code !== 'action-not-named' && u.code !== 'operation-unknown')
      .concat(
        reading.unknowns.some((u) => u.code === 'action-inferred')
          ? []
          : [
              {
                code: 'action-inferred',
                message: 'the IAM action is inferred from the operation or the wording, not stated by AWS',
              },
            ],
      ),
  };
}
