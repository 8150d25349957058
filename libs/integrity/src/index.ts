export * from './checkpoints/checkpoint';
export * from './checkpoints/checkpointer';
export * from './checkpoints/signing-key';
export * from './checkpoints/stream-heads';
export * from './verify/data-directory-verdict';
export * from './verify/stream-verdict';
