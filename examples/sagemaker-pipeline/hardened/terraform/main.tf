# SageMaker training and inference pipeline (hardened): versioned, KMS-encrypted data and artifacts,
# a network-isolated endpoint in a private VPC with data capture, and data quality monitoring.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "image" {
  type    = string
  default = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn-xgboost@sha256:4f1c2b7d9e0a5b3c8d6e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c"
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  buckets    = { training = "churn-training-data", artifacts = "churn-model-artifacts" }
}

resource "aws_kms_key" "ml" {
  description         = "Customer managed key for training data, model artifacts, endpoints and logs"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdmin"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# ---------- buckets ----------
resource "aws_s3_bucket" "access_logs" {
  bucket              = "churn-access-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket" "training_data" {
  bucket = local.buckets.training
}

resource "aws_s3_bucket" "model_artifacts" {
  bucket = local.buckets.artifacts
}

resource "aws_s3_bucket" "audit_logs" {
  bucket              = "churn-audit-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.ml.arn
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.ml.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.ml.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.ml.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "training_data" {
  bucket                  = aws_s3_bucket.training_data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "model_artifacts" {
  bucket                  = aws_s3_bucket.model_artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "audit_logs" {
  bucket                  = aws_s3_bucket.audit_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "training_data" {
  bucket        = aws_s3_bucket.training_data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "training-data/"
}

resource "aws_s3_bucket_logging" "model_artifacts" {
  bucket        = aws_s3_bucket.model_artifacts.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "model-artifacts/"
}

resource "aws_s3_bucket_logging" "audit_logs" {
  bucket        = aws_s3_bucket.audit_logs.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "audit/"
}

resource "aws_s3_bucket_object_lock_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 365
    }
  }
}

resource "aws_s3_bucket_object_lock_configuration" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 400
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.access_logs.arn, "${aws_s3_bucket.access_logs.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.training_data.arn, "${aws_s3_bucket.training_data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.model_artifacts.arn, "${aws_s3_bucket.model_artifacts.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.audit_logs.arn, "${aws_s3_bucket.audit_logs.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "CloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.audit_logs.arn}/AWSLogs/${local.account_id}/*"
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control", "aws:SourceAccount" = local.account_id } }
      }
    ]
  })
}

# ---------- network ----------
resource "aws_vpc" "ml" {
  cidr_block           = "10.30.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/vpc/churn"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.ml.arn
}

resource "aws_iam_role" "flow_logs" {
  name = "churn-flow-logs"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "vpc-flow-logs.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "flow_logs" {
  role = aws_iam_role.flow_logs.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.flow_logs.arn}:*" }]
  })
}

resource "aws_flow_log" "ml" {
  vpc_id          = aws_vpc.ml.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn    = aws_iam_role.flow_logs.arn
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.ml.id
  cidr_block        = "10.30.1.0/24"
  availability_zone = "${var.region}a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.ml.id
  cidr_block        = "10.30.2.0/24"
  availability_zone = "${var.region}b"
}

resource "aws_security_group" "ml" {
  name        = "churn-ml"
  description = "SageMaker jobs, notebooks and endpoints; traffic stays inside the VPC"
  vpc_id      = aws_vpc.ml.id
  egress {
    description = "HTTPS to interface endpoints"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.ml.cidr_block]
  }
}

resource "aws_vpc_endpoint" "sagemaker_api" {
  vpc_id              = aws_vpc.ml.id
  service_name        = "com.amazonaws.${var.region}.sagemaker.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.ml.id]
}

resource "aws_vpc_endpoint" "sagemaker_runtime" {
  vpc_id              = aws_vpc.ml.id
  service_name        = "com.amazonaws.${var.region}.sagemaker.runtime"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.ml.id]
}

# ---------- SageMaker ----------
resource "aws_iam_role" "execution" {
  name = "churn-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "execution" {
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = [aws_s3_bucket.training_data.arn, "${aws_s3_bucket.training_data.arn}/*"] },
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], Resource = [aws_s3_bucket.model_artifacts.arn, "${aws_s3_bucket.model_artifacts.arn}/*"] },
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant"], Resource = aws_kms_key.ml.arn },
      { Effect = "Allow", Action = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:CreateModel"], Resource = "arn:aws:sagemaker:${var.region}:${local.account_id}:*" }
    ]
  })
}

resource "aws_sagemaker_notebook_instance" "notebook" {
  name                   = "churn-notebook"
  role_arn               = aws_iam_role.execution.arn
  instance_type          = "ml.t3.medium"
  kms_key_id             = aws_kms_key.ml.arn
  subnet_id              = aws_subnet.private_a.id
  security_groups        = [aws_security_group.ml.id]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  platform_identifier    = "notebook-al2-v3"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "churn-studio"
  auth_mode               = "SSO"
  app_network_access_type = "VpcOnly"
  vpc_id                  = aws_vpc.ml.id
  subnet_ids              = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  kms_key_id              = aws_kms_key.ml.arn
  default_user_settings {
    execution_role  = aws_iam_role.execution.arn
    security_groups = [aws_security_group.ml.id]
  }
}

resource "aws_sagemaker_model_package_group" "churn" {
  model_package_group_name        = "churn-model"
  model_package_group_description = "Approved churn models; deployment requires manual approval"
}

resource "aws_sagemaker_model" "churn" {
  name                     = "churn"
  execution_role_arn       = aws_iam_role.execution.arn
  enable_network_isolation = true
  primary_container {
    image          = var.image
    model_data_url = "s3://${aws_s3_bucket.model_artifacts.id}/models/churn/2026-11-01/model.tar.gz"
  }
  vpc_config {
    security_group_ids = [aws_security_group.ml.id]
    subnets            = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  }
}

resource "aws_sagemaker_endpoint_configuration" "churn" {
  name        = "churn"
  kms_key_arn = aws_kms_key.ml.arn
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.churn.name
    initial_instance_count = 2
    instance_type          = "ml.m5.large"
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://${aws_s3_bucket.model_artifacts.id}/data-capture/"
    kms_key_id                  = aws_kms_key.ml.arn
    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

resource "aws_sagemaker_endpoint" "churn" {
  name                 = "churn"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.churn.name
}

resource "aws_sagemaker_data_quality_job_definition" "churn" {
  name     = "churn-data-quality"
  role_arn = aws_iam_role.execution.arn
  data_quality_app_specification {
    image_uri = "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }
  data_quality_job_input {
    endpoint_input {
      endpoint_name = aws_sagemaker_endpoint.churn.name
    }
  }
  data_quality_job_output_config {
    kms_key_id = aws_kms_key.ml.arn
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://${aws_s3_bucket.model_artifacts.id}/monitoring/"
      }
    }
  }
  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = aws_kms_key.ml.arn
    }
  }
  network_config {
    enable_network_isolation                  = true
    enable_inter_container_traffic_encryption = true
    vpc_config {
      security_group_ids = [aws_security_group.ml.id]
      subnets            = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    }
  }
}

resource "aws_sagemaker_monitoring_schedule" "churn" {
  name = "churn-data-quality"
  monitoring_schedule_config {
    monitoring_job_definition_name = aws_sagemaker_data_quality_job_definition.churn.name
    monitoring_type                = "DataQuality"
    schedule_config {
      schedule_expression = "cron(0 * ? * * *)"
    }
  }
}

resource "aws_sagemaker_feature_group" "customers" {
  feature_group_name             = "customer-features"
  record_identifier_feature_name = "customer_id"
  event_time_feature_name        = "event_time"
  role_arn                       = aws_iam_role.execution.arn
  feature_definition {
    feature_name = "customer_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }
  online_store_config {
    enable_online_store = true
    security_config {
      kms_key_id = aws_kms_key.ml.arn
    }
  }
  offline_store_config {
    s3_storage_config {
      s3_uri     = "s3://${aws_s3_bucket.training_data.id}/feature-store/"
      kms_key_id = aws_kms_key.ml.arn
    }
  }
}

# ---------- detection ----------
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/cloudtrail/churn"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.ml.arn
}

resource "aws_iam_role" "trail" {
  name = "churn-trail"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "trail" {
  role = aws_iam_role.trail.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.trail.arn}:*" }]
  })
}

resource "aws_cloudtrail" "main" {
  name                          = "churn-trail"
  s3_bucket_name                = aws_s3_bucket.audit_logs.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  kms_key_id                    = aws_kms_key.ml.arn
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
    name = "Training data and model artifact reads and writes"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.training_data.arn}/", "${aws_s3_bucket.model_artifacts.arn}/"]
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
  status = "ENABLED"
}

resource "aws_sns_topic" "alerts" {
  name              = "churn-security-alerts"
  kms_master_key_id = aws_kms_key.ml.arn
}

resource "aws_cloudwatch_event_rule" "findings" {
  name        = "churn-findings"
  description = "Send GuardDuty and Security Hub findings to the on-call topic"
  event_pattern = jsonencode({
    source = ["aws.guardduty", "aws.securityhub"]
  })
}

resource "aws_cloudwatch_event_target" "oncall" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_sns_topic.alerts.arn
}
