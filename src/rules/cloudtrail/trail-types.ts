export const TRAIL_TYPES = { cloudformation: ['AWS::CloudTrail::Trail'], terraform: ['aws_cloudtrail'] };
