// swarm.service.scale: a whole number 0–1000, the current count prefilled; global services and
// jobs are refused with the reason before anything is asked.
import * as vscode from 'vscode';
import { validateReplicas } from '../../domain/validate/serviceInput';
import { notScalable, replicasOf, scaleService as scale } from '../../operations/service/scale';
import { askText } from '../prompts';
import { objectAction } from '../runner';

export const scaleService = objectAction<'service', number>({
  kind: 'service', placeholder: 'Service to scale', none: 'No replicated service to scale.',
  offers: (s) => s.mode.kind === 'replicated',
  ask: async ([service]) => {
    if (!service) return undefined;
    const reason = notScalable(service);
    if (reason) { void vscode.window.showErrorMessage(reason); return undefined; }
    const text = await askText({ title: `Scale ${service.name}`, prompt: `Replicas (0–1000; now ${replicasOf(service)})`,
      value: String(replicasOf(service)), validate: validateReplicas });
    return text === undefined ? undefined : Number(text.trim());
  },
  operation: (ctx, service, replicas) => scale(ctx, service.id, replicas),
});
