import example from '../../../examples/errors/runinstances-passrole.txt?raw';

/** The bundled example: Terraform failing to launch an instance for lack of `iam:PassRole`. */
export const EXAMPLE_ERROR: string = example;
