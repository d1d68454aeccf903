export const LAMBDA_FUNCTION_TYPES = {
  cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
  terraform: ['aws_lambda_function'],
};
