export const handler = async (): Promise<string> => "ok";
