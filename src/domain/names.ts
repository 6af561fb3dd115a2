// Names of images and tasks as a person reads them (the docker CLI's conventions).
import type { Task } from './model';

/** The image reference without its pinned digest: `busybox:1@sha256:…` → `busybox:1`. */
export function shortImage(image: string): string {
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

/** `web.1` for replicas, `web.<node id>` for global tasks (as `docker service ps` names them). */
export function taskName(task: Task, serviceName: string | undefined): string {
  const base = serviceName ?? task.serviceId.slice(0, 12);
  if (task.slot !== undefined && task.slot > 0) return `${base}.${task.slot}`;
  return `${base}.${(task.nodeId ?? task.id).slice(0, 12)}`;
}
