# Bedrock RAG chatbot (insecure first draft): the same architecture as the hardened variant, written the
# way a prototype usually is.
provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "name" {
  type    = string
  default = "support-chatbot"
}

resource "aws_s3_bucket" "documents" {
  bucket = "${var.name}-documents"
}

resource "aws_opensearchserverless_security_policy" "encryption" {
  name = "${var.name}-enc"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/${var.name}-vectors"] }]
    AWSOwnedKey = true
  })
}

resource "aws_opensearchserverless_security_policy" "network" {
  name = "${var.name}-net"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/${var.name}-vectors"] }]
    AllowFromPublic = true
  }])
}

resource "aws_opensearchserverless_access_policy" "data" {
  name = "${var.name}-access"
  type = "data"
  policy = jsonencode([{
    Rules     = [{ ResourceType = "index", Resource = ["index/${var.name}-vectors/*"], Permission = ["aoss:*"] }]
    Principal = ["*"]
  }])
}

resource "aws_opensearchserverless_collection" "vectors" {
  name = "${var.name}-vectors"
  type = "VECTORSEARCH"
}

resource "aws_iam_role" "bedrock" {
  name = "${var.name}-bedrock"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "bedrock.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "bedrock_full" {
  role       = aws_iam_role.bedrock.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess"
}

resource "aws_iam_role_policy" "bedrock_everything" {
  role = aws_iam_role.bedrock.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:*", "aoss:*", "bedrock:*"], Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" }
    ]
  })
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "${var.name}-kb"
  role_arn = aws_iam_role.bedrock.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = aws_opensearchserverless_collection.vectors.arn
      vector_index_name = "chatbot-index"
      field_mapping {
        vector_field   = "embedding"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

resource "aws_bedrockagent_data_source" "docs" {
  name              = "${var.name}-documents"
  knowledge_base_id = aws_bedrockagent_knowledge_base.docs.id
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.documents.arn
    }
  }
}

resource "aws_bedrock_guardrail" "chatbot" {
  name                      = "${var.name}-guardrail"
  blocked_input_messaging   = "Sorry."
  blocked_outputs_messaging = "Sorry."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "LOW"
      output_strength = "NONE"
    }
  }
}

resource "aws_bedrockagent_agent" "chatbot" {
  agent_name              = var.name
  agent_resource_role_arn = aws_iam_role.bedrock.arn
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction             = "Answer customer questions using the product documentation knowledge base."
}

resource "aws_iam_role" "chat_handler" {
  name = "${var.name}-chat-handler"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "chat_handler_admin" {
  role       = aws_iam_role.chat_handler.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_lambda_function" "chat_handler" {
  function_name = "${var.name}-chat"
  role          = aws_iam_role.chat_handler.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "chat-handler.zip"
  environment {
    variables = {
      AGENT_ID = aws_bedrockagent_agent.chatbot.agent_id
    }
  }
}

resource "aws_lambda_function_url" "chat_handler" {
  function_name      = aws_lambda_function.chat_handler.function_name
  authorization_type = "NONE"
}

resource "aws_api_gateway_rest_api" "chat" {
  name = "${var.name}-api"
}

resource "aws_api_gateway_resource" "chat" {
  rest_api_id = aws_api_gateway_rest_api.chat.id
  parent_id   = aws_api_gateway_rest_api.chat.root_resource_id
  path_part   = "chat"
}

resource "aws_api_gateway_method" "chat_post" {
  rest_api_id   = aws_api_gateway_rest_api.chat.id
  resource_id   = aws_api_gateway_resource.chat.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "chat" {
  rest_api_id = aws_api_gateway_rest_api.chat.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.chat.id
  deployment_id = aws_api_gateway_deployment.chat.id
  stage_name    = "prod"
}

resource "aws_cloudwatch_log_group" "chat_handler" {
  name = "/aws/lambda/${var.name}-chat"
}

resource "aws_security_group" "debug" {
  name        = "${var.name}-debug"
  description = "Debug access"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
