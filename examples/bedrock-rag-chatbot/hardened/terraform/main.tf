# Bedrock RAG chatbot (hardened): knowledge base on OpenSearch Serverless, agent with a guardrail,
# API Gateway with a Cognito authorizer and WAF, Lambda in a private VPC with Bedrock interface endpoints.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

locals {
  account_id      = data.aws_caller_identity.current.account_id
  collection_name = "${var.name}-vectors"
  log_retention   = 365
}

# ---------- keys ----------
resource "aws_kms_key" "data" {
  description         = "Customer managed key for chatbot data, vectors, logs and agent sessions"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "LogsUse"
        Effect    = "Allow"
        Principal = { Service = "logs.${var.region}.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = { ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:${var.region}:${local.account_id}:*" } }
      }
    ]
  })
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

# ---------- storage ----------
module "access_logs" {
  source           = "./modules/secure-bucket"
  name             = "${var.name}-access-logs"
  kms_key_arn      = aws_kms_key.data.arn
  object_lock_days = 365
}

module "documents" {
  source      = "./modules/secure-bucket"
  name        = "${var.name}-documents"
  kms_key_arn = aws_kms_key.data.arn
  log_bucket  = module.access_logs.id
}

module "audit_logs" {
  source           = "./modules/secure-bucket"
  name             = "${var.name}-audit-logs"
  kms_key_arn      = aws_kms_key.data.arn
  log_bucket       = module.access_logs.id
  object_lock_days = 400
}

# ---------- network ----------
resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/vpc/${var.name}"
  retention_in_days = local.log_retention
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_iam_role" "flow_logs" {
  name = "${var.name}-flow-logs"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "vpc-flow-logs.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "flow_logs" {
  role = aws_iam_role.flow_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "${aws_cloudwatch_log_group.flow_logs.arn}:*"
    }]
  })
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn    = aws_iam_role.flow_logs.arn
}

resource "aws_subnet" "private_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.20.1.0/24"
  availability_zone       = "${var.region}a"
  map_public_ip_on_launch = false
}

resource "aws_subnet" "private_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.20.2.0/24"
  availability_zone       = "${var.region}b"
  map_public_ip_on_launch = false
}

resource "aws_security_group" "lambda" {
  name        = "${var.name}-lambda"
  description = "Chat handler, egress to VPC endpoints only"
  vpc_id      = aws_vpc.main.id

  egress {
    description = "HTTPS to interface endpoints inside the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-endpoints"
  description = "Interface endpoints, HTTPS from the chat handler only"
  vpc_id      = aws_vpc.main.id

  ingress {
    description     = "HTTPS from the chat handler"
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.lambda.id]
  }
}

resource "aws_vpc_endpoint" "bedrock_runtime" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.bedrock-runtime"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.endpoints.id]
}

resource "aws_vpc_endpoint" "bedrock_agent_runtime" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.bedrock-agent-runtime"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.endpoints.id]
}

# ---------- vector store ----------
resource "aws_opensearchserverless_security_policy" "encryption" {
  name = "${var.name}-enc"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/${local.collection_name}"] }]
    AWSOwnedKey = false
    KmsARN      = aws_kms_key.data.arn
  })
}

resource "aws_opensearchserverless_security_policy" "network" {
  name = "${var.name}-net"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/${local.collection_name}"] }]
    AllowFromPublic = false
    SourceServices  = ["bedrock.amazonaws.com"]
  }])
}

resource "aws_opensearchserverless_access_policy" "data" {
  name = "${var.name}-access"
  type = "data"
  policy = jsonencode([{
    Rules = [{
      ResourceType = "index"
      Resource     = ["index/${local.collection_name}/*"]
      Permission   = ["aoss:ReadDocument", "aoss:WriteDocument", "aoss:DescribeIndex", "aoss:CreateIndex"]
    }]
    Principal = [aws_iam_role.knowledge_base.arn]
  }])
}

resource "aws_opensearchserverless_collection" "vectors" {
  name             = local.collection_name
  type             = "VECTORSEARCH"
  standby_replicas = "ENABLED"
  depends_on       = [aws_opensearchserverless_security_policy.encryption, aws_opensearchserverless_security_policy.network]
}

# ---------- Bedrock ----------
resource "aws_iam_role" "knowledge_base" {
  name = "${var.name}-kb"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "knowledge_base" {
  role = aws_iam_role.knowledge_base.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "bedrock:InvokeModel", Resource = var.embedding_model_arn },
      { Effect = "Allow", Action = "aoss:APIAccessAll", Resource = aws_opensearchserverless_collection.vectors.arn },
      { Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = [module.documents.arn, "${module.documents.arn}/*"] },
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey"], Resource = aws_kms_key.data.arn }
    ]
  })
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "${var.name}-kb"
  role_arn = aws_iam_role.knowledge_base.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = var.embedding_model_arn
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
  name                 = "${var.name}-documents"
  knowledge_base_id    = aws_bedrockagent_knowledge_base.docs.id
  data_deletion_policy = "DELETE"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = module.documents.arn
    }
  }
  server_side_encryption_configuration {
    kms_key_arn = aws_kms_key.data.arn
  }
}

resource "aws_bedrock_guardrail" "chatbot" {
  name                      = "${var.name}-guardrail"
  blocked_input_messaging   = "Sorry, I cannot help with that request."
  blocked_outputs_messaging = "Sorry, I cannot share that answer."
  kms_key_arn               = aws_kms_key.data.arn

  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
    dynamic "filters_config" {
      for_each = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"]
      content {
        type            = filters_config.value
        input_strength  = "HIGH"
        output_strength = "HIGH"
      }
    }
  }

  sensitive_information_policy_config {
    pii_entities_config {
      type   = "EMAIL"
      action = "ANONYMIZE"
    }
    pii_entities_config {
      type   = "PHONE"
      action = "ANONYMIZE"
    }
    pii_entities_config {
      type   = "NAME"
      action = "ANONYMIZE"
    }
    pii_entities_config {
      type   = "ADDRESS"
      action = "ANONYMIZE"
    }
    pii_entities_config {
      type   = "US_SOCIAL_SECURITY_NUMBER"
      action = "BLOCK"
    }
    pii_entities_config {
      type   = "CREDIT_DEBIT_CARD_NUMBER"
      action = "BLOCK"
    }
    pii_entities_config {
      type   = "AWS_ACCESS_KEY"
      action = "BLOCK"
    }
    pii_entities_config {
      type   = "AWS_SECRET_KEY"
      action = "BLOCK"
    }
  }

  topic_policy_config {
    topics_config {
      name       = "investment-advice"
      type       = "DENY"
      definition = "Recommendations about which stocks, funds or cryptocurrencies to buy or sell."
      examples   = ["Which stocks should I buy this year?"]
    }
  }

  contextual_grounding_policy_config {
    filters_config {
      type      = "GROUNDING"
      threshold = 0.8
    }
    filters_config {
      type      = "RELEVANCE"
      threshold = 0.7
    }
  }
}

resource "aws_bedrock_guardrail_version" "chatbot" {
  guardrail_arn = aws_bedrock_guardrail.chatbot.guardrail_arn
  description   = "Pinned guardrail version used by the agent"
}

resource "aws_iam_role" "agent" {
  name = "${var.name}-agent"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "agent" {
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "bedrock:InvokeModel", Resource = "arn:aws:bedrock:${var.region}::foundation-model/${var.foundation_model_id}" },
      { Effect = "Allow", Action = "bedrock:Retrieve", Resource = aws_bedrockagent_knowledge_base.docs.arn },
      { Effect = "Allow", Action = "bedrock:ApplyGuardrail", Resource = aws_bedrock_guardrail.chatbot.guardrail_arn }
    ]
  })
}

resource "aws_bedrockagent_agent" "chatbot" {
  agent_name                  = var.name
  agent_resource_role_arn     = aws_iam_role.agent.arn
  foundation_model            = var.foundation_model_id
  customer_encryption_key_arn = aws_kms_key.data.arn
  idle_session_ttl_in_seconds = 900
  instruction                 = "Answer customer questions using only the product documentation knowledge base."

  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.chatbot.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.chatbot.version
  }
}

resource "aws_bedrockagent_agent_knowledge_base_association" "docs" {
  agent_id             = aws_bedrockagent_agent.chatbot.agent_id
  knowledge_base_id    = aws_bedrockagent_knowledge_base.docs.id
  description          = "Product documentation"
  knowledge_base_state = "ENABLED"
}

resource "aws_cloudwatch_log_group" "invocations" {
  name              = "/bedrock/${var.name}/invocations"
  retention_in_days = local.log_retention
  kms_key_id        = aws_kms_key.data.arn
}

# Prompts and completions can hold personal data and pasted credentials: mask them in the log group.
resource "aws_cloudwatch_log_data_protection_policy" "invocations" {
  log_group_name = aws_cloudwatch_log_group.invocations.name
  policy_document = jsonencode({
    Name    = "invocation-logs"
    Version = "2021-06-01"
    Statement = [
      {
        Sid            = "audit"
        DataIdentifier = ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/AwsSecretKey"]
        Operation      = { Audit = { FindingsDestination = {} } }
      },
      {
        Sid            = "redact"
        DataIdentifier = ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/AwsSecretKey"]
        Operation      = { Deidentify = { MaskConfig = {} } }
      }
    ]
  })
}

resource "aws_iam_role" "invocation_logging" {
  name = "${var.name}-invocation-logging"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "invocation_logging" {
  role = aws_iam_role.invocation_logging.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.invocations.arn}:*"
    }]
  })
}

resource "aws_bedrock_model_invocation_logging_configuration" "main" {
  logging_config {
    embedding_data_delivery_enabled = true
    image_data_delivery_enabled     = true
    text_data_delivery_enabled      = true
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.invocations.name
      role_arn       = aws_iam_role.invocation_logging.arn
    }
    s3_config {
      bucket_name = module.audit_logs.id
      key_prefix  = "bedrock-invocations"
    }
  }
}

# ---------- API ----------
resource "aws_cloudwatch_log_group" "chat_handler" {
  name              = "/aws/lambda/${var.name}-chat"
  retention_in_days = local.log_retention
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_iam_role" "chat_handler" {
  name = "${var.name}-chat-handler"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "chat_handler" {
  role = aws_iam_role.chat_handler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "bedrock:InvokeAgent", Resource = "arn:aws:bedrock:${var.region}:${local.account_id}:agent-alias/${aws_bedrockagent_agent.chatbot.agent_id}/*" },
      { Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.chat_handler.arn}:*" },
      { Effect = "Allow", Action = "kms:Decrypt", Resource = aws_kms_key.data.arn }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "chat_handler_vpc" {
  role       = aws_iam_role.chat_handler.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_lambda_function" "chat_handler" {
  function_name                  = "${var.name}-chat"
  role                           = aws_iam_role.chat_handler.arn
  runtime                        = "nodejs20.x"
  handler                        = "index.handler"
  filename                       = "chat-handler.zip"
  timeout                        = 30
  memory_size                    = 512
  reserved_concurrent_executions = 50
  kms_key_arn                    = aws_kms_key.data.arn

  environment {
    variables = {
      AGENT_ID = aws_bedrockagent_agent.chatbot.agent_id
    }
  }

  tracing_config {
    mode = "Active"
  }

  vpc_config {
    subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.lambda.id]
  }

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.chat_handler.name
  }
}

resource "aws_cognito_user_pool" "users" {
  name              = "${var.name}-users"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
  password_policy {
    minimum_length    = 14
    require_lowercase = true
    require_uppercase = true
    require_numbers   = true
    require_symbols   = true
  }
}

resource "aws_api_gateway_rest_api" "chat" {
  name = "${var.name}-api"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_authorizer" "cognito" {
  name          = "cognito"
  rest_api_id   = aws_api_gateway_rest_api.chat.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.users.arn]
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
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_integration" "chat_post" {
  rest_api_id             = aws_api_gateway_rest_api.chat.id
  resource_id             = aws_api_gateway_resource.chat.id
  http_method             = aws_api_gateway_method.chat_post.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.chat_handler.invoke_arn
}

resource "aws_api_gateway_deployment" "chat" {
  rest_api_id = aws_api_gateway_rest_api.chat.id
  depends_on  = [aws_api_gateway_integration.chat_post]
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/apigateway/${var.name}"
  retention_in_days = local.log_retention
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_api_gateway_client_certificate" "chat" {
  description = "Lets the backend verify that calls come through the gateway"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.chat.id
  deployment_id         = aws_api_gateway_deployment.chat.id
  stage_name            = "prod"
  xray_tracing_enabled  = true
  cache_cluster_enabled = false
  client_certificate_id = aws_api_gateway_client_certificate.chat.id

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = "$context.requestId $context.identity.sourceIp $context.httpMethod $context.resourcePath $context.status"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.chat.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level          = "INFO"
    metrics_enabled        = true
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
    caching_enabled        = false
    cache_data_encrypted   = true
  }
}

resource "aws_wafv2_web_acl" "chat" {
  name  = "${var.name}-waf"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common"
    priority = 0
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
    }
  }

  rule {
    name     = "bot-control"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesBotControlRuleSet"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "bot-control"
    }
  }

  rule {
    name     = "rate-limit"
    priority = 2
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 1000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "rate-limit"
    }
  }

  visibility_config {
    sampled_requests_enabled   = true
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name}-waf"
  }
}

resource "aws_wafv2_web_acl_association" "chat" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.chat.arn
}

resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-${var.name}"
  retention_in_days = local.log_retention
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_wafv2_web_acl_logging_configuration" "chat" {
  resource_arn            = aws_wafv2_web_acl.chat.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}

# ---------- detection and response ----------
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/cloudtrail/${var.name}"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_iam_role" "trail" {
  name = "${var.name}-trail"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "trail" {
  role = aws_iam_role.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.trail.arn}:*"
    }]
  })
}

resource "aws_cloudtrail" "main" {
  name                          = "${var.name}-trail"
  s3_bucket_name                = module.audit_logs.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  kms_key_id                    = aws_kms_key.data.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn

  advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "Document reads and writes"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }

  advanced_event_selector {
    name = "Bedrock agent, knowledge base and guardrail calls"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::Bedrock::AgentAlias", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail"]
    }
  }
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

resource "aws_guardduty_detector_feature" "runtime" {
  detector_id = aws_guardduty_detector.main.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = true
}

resource "aws_macie2_account" "main" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
  status                       = "ENABLED"
}

resource "aws_iam_role" "responder" {
  name = "${var.name}-responder"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "responder" {
  role = aws_iam_role.responder.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:PutFunctionConcurrency", Resource = aws_lambda_function.chat_handler.arn }]
  })
}

resource "aws_lambda_function" "responder" {
  function_name                  = "${var.name}-responder"
  role                           = aws_iam_role.responder.arn
  runtime                        = "nodejs20.x"
  handler                        = "index.handler"
  filename                       = "responder.zip"
  reserved_concurrent_executions = 5
  kms_key_arn                    = aws_kms_key.data.arn

  tracing_config {
    mode = "Active"
  }

  vpc_config {
    subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.lambda.id]
  }
}

resource "aws_cloudwatch_event_rule" "guardduty_findings" {
  name        = "${var.name}-guardduty-findings"
  description = "Route GuardDuty and Security Hub findings to the responder"
  event_pattern = jsonencode({
    source = ["aws.guardduty", "aws.securityhub"]
  })
}

resource "aws_cloudwatch_event_target" "responder" {
  rule = aws_cloudwatch_event_rule.guardduty_findings.name
  arn  = aws_lambda_function.responder.arn
}
