// Public types of the stack-file editing assistant.

export interface AssistItem {
  label: string;
  kind: 'key' | 'value' | 'name';
  detail?: string;
  documentation?: string;
  /** Plain text (no snippet syntax), e.g. "replicas: ". */
  insertText?: string;
}

/** What exists in the cluster, for `external` networks/secrets/configs. */
export interface AssistFacts {
  networks?: readonly string[];
  secrets?: readonly string[];
  configs?: readonly string[];
}

export interface AssistHover {
  markdown: string;
  start: number;
  end: number;
}
