variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "name" {
  type    = string
  default = "support-chatbot"
}

variable "foundation_model_id" {
  type    = string
  default = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

variable "embedding_model_arn" {
  type    = string
  default = "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-embed-text-v2:0"
}
