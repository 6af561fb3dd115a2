// swarm.service.updateImage: a tag known to the engine, or any reference typed.
import { validateImage } from '../../domain/validate/serviceInput';
import { updateServiceImage as update } from '../../operations/service/updateImage';
import { pickOrType } from '../prompts';
import { objectAction } from '../runner';

export const updateServiceImage = objectAction<'service', string>({
  kind: 'service', placeholder: 'Service to update', none: 'The swarm has no service.',
  ask: async ([service], ctx) => {
    if (!service) return undefined;
    const tags = await ctx.api.imageTags().catch(() => [] as readonly string[]);
    const repo = service.image.split('@')[0]?.replace(/:[^:/]*$/, '') ?? '';
    // Tags of the same repository first.
    const sorted = [...tags].sort((a, b) => Number(b.startsWith(`${repo}:`)) - Number(a.startsWith(`${repo}:`)) || a.localeCompare(b));
    return pickOrType({
      title: `Update the image of ${service.name} (now ${service.image})`, placeholder: 'Pick an image on the engine, or type a reference',
      items: sorted.map((t) => ({ label: t, description: t === service.image.split('@')[0] ? 'current' : undefined, value: t })),
      fromText: (t) => t, validate: validateImage,
    });
  },
  operation: (ctx, service, image) => update(ctx, service.id, image),
});
